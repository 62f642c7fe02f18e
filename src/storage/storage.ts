/**
 * Where the bot keeps what it remembers about people between updates: follow-ups, pending
 * choices, rate-limit windows, the unanswered log, chart file ids. Behind this one interface
 * so that a restart keeps it and several instances share it. Two implementations:
 *
 * - `EmbeddedStorage` (default): memory, saved atomically to files in DATA_DIR; one process.
 * - `RedisStorage` (REDIS_URL set): shared by every instance.
 *
 * Rules for a feature that keeps something here:
 * - Keys start with the feature's name and a colon ("followup:", "choice:", "chart:").
 * - Values are JSON. Every value expires (`ttlMs`), and every list is capped (`max`): nothing
 *   grows without bound.
 * - Calls may reject while the backend is down (Redis unreachable, DATA_DIR unwritable). The
 *   storage logs that once per outage, so a caller catches quietly and goes on without what it
 *   wanted: an answer never waits on, or fails for, the storage.
 */
export interface Storage {
  readonly kind: "embedded" | "redis";
  /** False while the backend cannot be reached or written. */
  readonly up: boolean;
  /** The value under `key`, or undefined when there is none or it expired. */
  get<T>(key: string): Promise<T | undefined>;
  /** Keeps `value` under `key` for `ttlMs`, replacing what was there. */
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** Like set, but only when `key` has no value: true when this call set it. */
  setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  /**
   * A sliding-window counter: how many hits `key` had in the `windowMs` before `nowMs`; this
   * hit is counted too when that is under `limit`. Never rejects: while the backend is down
   * each process counts on its own.
   */
  hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<number>;
  /** Adds to the end of a list that keeps at least its newest `max` items (at most 2 × max). */
  append(list: string, item: unknown, max: number): Promise<void>;
  /** A list's items, oldest first. */
  items(list: string): Promise<unknown[]>;
  /** Sends `message` to every instance's subscribers of `channel`, this instance's included. */
  publish(channel: string, message: unknown): Promise<void>;
  subscribe(channel: string, onMessage: (message: unknown) => void): void;
  /** Saves what is pending and lets go of connections and timers. */
  close(): Promise<void>;
}

/** Thrown for a call made while the backend is down. */
export class StorageUnavailable extends Error {}
