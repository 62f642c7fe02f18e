/** At most `perMinute` questions per person in any 60 seconds; says so once per minute. */
export class RateLimiter {
  private readonly times = new Map<number, number[]>();
  private readonly warned = new Map<number, number>();

  constructor(private readonly perMinute: number) {}

  /** "ok" to answer, "warn" to say slow down, "silent" when already told. */
  check(user: number, now: number): "ok" | "warn" | "silent" {
    const recent = (this.times.get(user) ?? []).filter((t) => now - t < 60_000);
    if (recent.length < this.perMinute) {
      recent.push(now);
      this.times.set(user, recent);
      return "ok";
    }
    this.times.set(user, recent);
    const last = this.warned.get(user);
    if (last !== undefined && now - last < 60_000) return "silent";
    this.warned.set(user, now);
    return "warn";
  }
}
