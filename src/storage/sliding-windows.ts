/**
 * Hits per key in a sliding window, in memory. Memory is bounded: keys are kept least
 * recently hit first, so those idle for a window (which have nothing left to count) are
 * dropped from the front as others arrive, and past `maxKeys` the least recent go even if
 * not idle yet.
 */
export class SlidingWindows {
  private readonly keys = new Map<string, { times: number[]; lastSeen: number }>();

  constructor(private readonly maxKeys = 10_000) {}

  /** How many keys are remembered now. */
  get size(): number {
    return this.keys.size;
  }

  hit(key: string, limit: number, windowMs: number, now: number): number {
    const entry = this.keys.get(key) ?? { times: [], lastSeen: now };
    // Re-inserted, so the map stays ordered by when each key was last hit.
    this.keys.delete(key);
    entry.lastSeen = now;
    entry.times = entry.times.filter((t) => now - t < windowMs);
    this.keys.set(key, entry);
    this.forgetIdle(now, windowMs);
    const before = entry.times.length;
    if (before < limit) entry.times.push(now);
    return before;
  }

  private forgetIdle(now: number, windowMs: number): void {
    for (const [key, e] of this.keys) {
      if (this.keys.size <= this.maxKeys && now - e.lastSeen < windowMs) return;
      this.keys.delete(key);
    }
  }
}
