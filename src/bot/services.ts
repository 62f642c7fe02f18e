import { hostname } from "node:os";
import { setTimeout as delay } from "node:timers/promises";
import type { Context } from "grammy";
import type { Config } from "../config";
import { ArticleShelf } from "../knowledge/shelf";
import type { KnowledgeStore } from "../knowledge/store";
import type { Logger } from "../logger";
import { ApiContact } from "../observe/api-contact";
import { createMetrics, type Metrics } from "../observe/metrics";
import { openStorage } from "../storage/open-storage";
import type { Storage } from "../storage/storage";
import { FileSubscriptions } from "../subscriptions/file-subscriptions";
import { SharedSubscriptions } from "../subscriptions/shared-subscriptions";
import type { SubscriptionStore } from "../subscriptions/subscription-store";
import { AddSessions } from "./add-sessions";
import { Broadcaster } from "./broadcast";
import { FileHandoverStore } from "./handover/file-store";
import { SharedHandoverStore } from "./handover/shared-store";
import type { HandoverStore } from "./handover/store";
import { InFlight } from "./in-flight";
import { LastQuestions } from "./last-questions";
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
  /** This process among the instances, in replies to admins: host name and process id. */
  instance: string;
  admins: ReadonlySet<number>;
  storage: Storage;
  lastQuestions: LastQuestions;
  choices: PendingChoices;
  limiter: RateLimiter;
  userHash: UserHash;
  unanswered: UnansweredLog;
  inFlight: InFlight;
  metrics: Metrics;
  apiContact: ApiContact;
  /** The officers' desk, when OFFICERS_CHAT_ID is set. */
  handover?: { chatId: number; store: HandoverStore };
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
  storage?: Storage;
  extraAdmins?: number[];
  now?: () => Date;
  sleep?: Services["sleep"];
}): Services {
  const { config, logger } = opts;
  const now = opts.now ?? (() => new Date());
  const userHash = new UserHash(config.DATA_DIR, logger);
  const storage = opts.storage ?? openStorage(config, logger);
  const metrics = createMetrics(() => storage.up);
  // The terminal chat (no BOT_TOKEN) has no officers' group to hand questions to.
  const officers = config.mode === "terminal" ? undefined : config.OFFICERS_CHAT_ID;
  const subscriptions =
    storage.kind === "redis"
      ? new SharedSubscriptions(storage)
      : new FileSubscriptions(config.DATA_DIR);
  const sleep: Services["sleep"] = opts.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
  return {
    store: opts.store,
    config,
    logger,
    instance: `${hostname()}#${process.pid}`,
    admins: new Set([...config.ADMIN_IDS, ...(opts.extraAdmins ?? [])]),
    storage,
    lastQuestions: new LastQuestions(storage, config.FOLLOW_UP_MINUTES * 60_000),
    choices: new PendingChoices(storage),
    limiter: new RateLimiter(storage, config.RATE_LIMIT_PER_MINUTE),
    userHash,
    unanswered: new UnansweredLog({ storage, hash: userHash }),
    inFlight: new InFlight(),
    metrics,
    apiContact: new ApiContact(metrics, now),
    ...(officers !== undefined && {
      handover: {
        chatId: officers,
        // Shared by every instance with Redis; one process's file without it.
        store:
          storage.kind === "redis"
            ? new SharedHandoverStore(storage, now)
            : new FileHandoverStore(config.DATA_DIR, logger, now),
      },
    }),
    shelf: new ArticleShelf(opts.store.paths.seedsDir, opts.store),
    additions: new AddSessions(config.ADD_IDLE_MINUTES * 60_000),
    removals: new ShortKeys(),
    subscriptions,
    broadcaster: new Broadcaster({
      subscriptions,
      perSecond: config.BROADCAST_PER_SECOND,
      sleep,
      logger,
    }),
    stats: { answered: 0, unanswered: 0, startedAt: now() },
    now,
    sleep,
  };
}
