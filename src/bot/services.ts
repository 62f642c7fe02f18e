import type { Context } from "grammy";
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { KnowledgeStore } from "../reload/store";
import { FollowUps } from "./follow-ups";
import { PendingChoices } from "./pending-choices";
import { RateLimiter } from "./rate-limiter";
import { UnansweredLog } from "./unanswered-log";

/** What the features share, made once per process. */
export type Services = {
  store: KnowledgeStore;
  config: Config;
  logger: Logger;
  admins: ReadonlySet<number>;
  followUps: FollowUps;
  choices: PendingChoices;
  limiter: RateLimiter;
  unanswered: UnansweredLog;
  stats: { answered: number; unanswered: number; startedAt: Date };
  now: () => Date;
};

export type BotContext = Context & { services: Services };

export function createServices(opts: {
  store: KnowledgeStore;
  config: Config;
  logger: Logger;
  extraAdmins?: number[];
  now?: () => Date;
}): Services {
  const { config } = opts;
  const now = opts.now ?? (() => new Date());
  return {
    store: opts.store,
    config,
    logger: opts.logger,
    admins: new Set([...config.ADMIN_IDS, ...(opts.extraAdmins ?? [])]),
    followUps: new FollowUps(config.FOLLOW_UP_MINUTES * 60_000),
    choices: new PendingChoices(),
    limiter: new RateLimiter(config.RATE_LIMIT_PER_MINUTE),
    unanswered: new UnansweredLog(config.DATA_DIR),
    stats: { answered: 0, unanswered: 0, startedAt: now() },
    now,
  };
}
