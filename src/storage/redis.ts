import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "../logger";
import { SlidingWindows } from "./sliding-windows";
import { type Storage, StorageUnavailable } from "./storage";

const PREFIX = "umkm:";

// Drops the hits older than the window, counts the rest, and adds this one when under the
// limit, in one step, so that two instances counting at once never both pass the last slot.
const HIT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
local n = redis.call('ZCARD', KEYS[1])
if n < tonumber(ARGV[3]) then redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4]) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return n`;

/**
 * Storage shared by every instance, in Redis (REDIS_URL). Values and rate-limit windows
 * expire in Redis itself; lists are trimmed to their cap on each append.
 *
 * While Redis is unreachable, calls fail at once instead of queueing (so an answer never
 * waits for it), rate limits are counted in this process, one warning is logged, and the
 * client reconnects with growing pauses and says when it is back.
 */
export class RedisStorage implements Storage {
  readonly kind = "redis";
  private readonly client: Redis;
  private readonly subscriber: Redis;
  private readonly local = new SlidingWindows();
  private readonly handlers = new Map<string, Set<(message: unknown) => void>>();
  /** Lost since it was last ready: said once, until it is back. */
  private down = false;
  private closing = false;

  constructor(url: string, logger: Logger) {
    const options = {
      // Fail fast while disconnected: an answer without a follow-up beats a late one.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 1_000,
      connectTimeout: 2_000,
      retryStrategy: (times: number) => Math.min(100 * times, 2_000),
    };
    this.client = new Redis(url, options);
    // Subscriptions wait for the connection and are renewed by ioredis after a reconnect.
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
    const where = redactUrl(url);
    const lost = (err?: Error) => {
      if (!this.down && !this.closing)
        logger.warn(
          { err, redis: where },
          "Redis unreachable: answering without follow-ups; reconnecting",
        );
      this.down = true;
    };
    this.client.on("error", lost);
    this.client.on("close", () => lost());
    this.client.on("ready", () => {
      if (this.down) logger.info({ redis: where }, "Redis reachable again");
      this.down = false;
    });
    // The main client's error already says it; a second line per outage would only repeat it.
    this.subscriber.on("error", () => undefined);
    this.subscriber.on("message", (channel: string, json: string) => {
      const message = safeJson(json);
      for (const handler of this.handlers.get(channel.slice(PREFIX.length)) ?? []) handler(message);
    });
  }

  get up(): boolean {
    return !this.down && this.client.status === "ready";
  }

  async get<T>(key: string): Promise<T | undefined> {
    const json = await this.call(() => this.client.get(PREFIX + key));
    return json === null ? undefined : (safeJson(json) as T | undefined);
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    await this.call(() => this.client.set(PREFIX + key, JSON.stringify(value), "PX", ttlMs));
  }

  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    try {
      const r = await this.call(() =>
        this.client.set(PREFIX + key, JSON.stringify(value), "PX", ttlMs, "NX"),
      );
      return r === "OK";
    } catch {
      // A window that takes one hit is a flag that expires: counted here until Redis is back.
      return this.local.hit(key, 1, ttlMs, Date.now()) === 0;
    }
  }

  async hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<number> {
    try {
      const member = `${nowMs}-${randomBytes(4).toString("hex")}`;
      const n = await this.call(() =>
        this.client.eval(HIT, 1, PREFIX + key, nowMs, windowMs, limit, member),
      );
      return Number(n);
    } catch {
      return this.local.hit(key, limit, windowMs, nowMs);
    }
  }

  async append(list: string, item: unknown, max: number): Promise<void> {
    const key = PREFIX + list;
    await this.call(() =>
      this.client.multi().rpush(key, JSON.stringify(item)).ltrim(key, -max, -1).exec(),
    );
  }

  async items(list: string): Promise<unknown[]> {
    const all = await this.call(() => this.client.lrange(PREFIX + list, 0, -1));
    return all.map(safeJson).filter((x) => x !== undefined);
  }

  async publish(channel: string, message: unknown): Promise<void> {
    await this.call(() => this.client.publish(PREFIX + channel, JSON.stringify(message)));
  }

  subscribe(channel: string, onMessage: (message: unknown) => void): void {
    const handlers = this.handlers.get(channel) ?? new Set();
    if (!handlers.size) this.subscriber.subscribe(PREFIX + channel).catch(() => undefined);
    handlers.add(onMessage);
    this.handlers.set(channel, handlers);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      [this.client, this.subscriber].map((c) => c.quit().catch(() => c.disconnect())),
    );
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    if (this.client.status !== "ready") throw new StorageUnavailable("Redis not connected");
    try {
      return await run();
    } catch (err) {
      throw new StorageUnavailable("Redis call failed", { cause: err });
    }
  }
}

/** The address without its password, for the log. */
function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "hidden";
  return u.href;
}

function safeJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}
