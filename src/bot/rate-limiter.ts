const WINDOW_MS = 60_000;

type Person = { times: number[]; warnedAt?: number; lastSeen: number };

/**
 * At most `perMinute` requests per person in any 60 seconds; says so once per minute.
 * Memory is bounded: people are kept least recently seen first, so those idle for a minute
 * (who have nothing left to limit) are dropped from the front as others arrive, and past
 * `maxPeople` the least recent go even if not idle yet.
 */
export class RateLimiter {
  private readonly people = new Map<number, Person>();

  constructor(
    private readonly perMinute: number,
    private readonly maxPeople = 10_000,
  ) {}

  /** How many people are remembered now. */
  get size(): number {
    return this.people.size;
  }

  /** "ok" to answer, "warn" to say slow down, "silent" when already told. */
  check(user: number, now: number): "ok" | "warn" | "silent" {
    const person = this.people.get(user) ?? { times: [], lastSeen: now };
    // Re-inserted, so the map stays ordered by when each person was last seen.
    this.people.delete(user);
    person.lastSeen = now;
    person.times = person.times.filter((t) => now - t < WINDOW_MS);
    this.people.set(user, person);
    this.forgetIdle(now);
    if (person.times.length < this.perMinute) {
      person.times.push(now);
      return "ok";
    }
    if (person.warnedAt !== undefined && now - person.warnedAt < WINDOW_MS) return "silent";
    person.warnedAt = now;
    return "warn";
  }

  private forgetIdle(now: number): void {
    for (const [user, p] of this.people) {
      if (this.people.size <= this.maxPeople && now - p.lastSeen < WINDOW_MS) return;
      this.people.delete(user);
    }
  }
}
