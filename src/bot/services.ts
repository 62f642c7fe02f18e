import { setTimeout as delay } from "node:timers/promises";
import type { Context } from "grammy";
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { KnowledgeStore } from "../reload/store";
import { ArticleShelf } from "../seeds/shelf";
import { FileSubscriptions } from "../subscriptions/file-subscriptions";
import type { SubscriptionStore } from "../subscriptions/subscription-store";
import { AddSessions } from "./add-sessions";
import { Broadcaster } from "./broadcast";
import { FollowUps } from "./follow-ups";
import { InFlight } from "./in-flight";
import { PendingChoices } from "./pending-choices";
import { RateLimiter } from "./rate-limiter";
import { ShortKeys } from "./short-keys";
import { UnansweredLog } from "./unanswered-log";
import { UserHash } from "./user-hash";

/** What the features share, made once per process. */
export type Services = {
  store: KnowledgeStore;
  config: Config;
  logger: Logger;
  admins: ReadonlySet<number>;
  followUps: FollowUps;
  choices: PendingChoices;
  limiter: RateLimiter;
  userHash: UserHash;
  unanswered: UnansweredLog;
  inFlight: InFlight;
  /** Adds, removes and restores article files, each followed by a reload. */
  shelf: ArticleShelf;
  additions: AddSessions;
  /** Article ids behind the buttons that confirm a /hapus. */
  removals: ShortKeys<string>;
  subscriptions: SubscriptionStore;
  broadcaster: Broadcaster;
  stats: { answered: number; unanswered: number; startedAt: Date };
  now: () => Date;
  /** Waits out a flood wait; tests pass one where Telegram's seconds go faster. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export type BotContext = Context & { services: Services };

export function createServices(opts: {
  store: KnowledgeStore;
  config: Config;
  logger: Logger;
  extraAdmins?: number[];
  now?: () => Date;
  sleep?: Services["sleep"];
}): Services {
  const { config, logger } = opts;
  const now = opts.now ?? (() => new Date());
  const userHash = new UserHash(config.DATA_DIR, logger);
  return {
    store: opts.store,
    config,
    logger,
    admins: new Set([...config.ADMIN_IDS, ...(opts.extraAdmins ?? [])]),
    followUps: new FollowUps(config.FOLLOW_UP_MINUTES * 60_000),
    choices: new PendingChoices(),
    limiter: new RateLimiter(config.RATE_LIMIT_PER_MINUTE),
    userHash,
    unanswered: new UnansweredLog({ dir: config.DATA_DIR, hash: userHash, logger }),
    inFlight: new InFlight(),
    shelf: new ArticleShelf(opts.store.paths.seedsDir, opts.store),
    additions: new AddSessions(config.ADD_IDLE_MINUTES * 60_000),
    removals: new ShortKeys(),
    subscriptions: new FileSubscriptions(config.DATA_DIR),
    broadcaster: new Broadcaster(),
    stats: { answered: 0, unanswered: 0, startedAt: now() },
    now,
    sleep: opts.sleep ?? ((ms, signal) => delay(ms, undefined, { signal })),
  };
}
