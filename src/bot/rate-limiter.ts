import type { Storage } from "../storage/storage";

const WINDOW_MS = 60_000;

export type Verdict = "ok" | "warn" | "silent";

/**
 * At most `perMinute` requests per person in any 60 seconds, counted across instances by the
 * storage; past it the person is told once per minute.
 */
export class RateLimiter {
  constructor(
    private readonly storage: Storage,
    private readonly perMinute: number,
  ) {}

  /** "ok" to answer, "warn" to say slow down, "silent" when already told. */
  async check(user: number, now: number): Promise<Verdict> {
    const before = await this.storage.hit(`rate:${user}`, this.perMinute, WINDOW_MS, now);
    if (before < this.perMinute) return "ok";
    const told = await this.storage
      .setIfAbsent(`rate-told:${user}`, now, WINDOW_MS)
      .catch(() => false);
    return told ? "warn" : "silent";
  }
}
