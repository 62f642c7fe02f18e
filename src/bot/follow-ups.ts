import type { Query } from "../understand/query";

/**
 * Each person's last question in each chat, for a while, so that "kalau Jawa Barat?" can
 * build on it. Bounded: the oldest entries go first.
 */
export class FollowUps {
  private readonly entries = new Map<string, { query: Query; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  get(key: string, now: number): Query | undefined {
    const e = this.entries.get(key);
    if (!e || now - e.at > this.ttlMs) return undefined;
    return e.query;
  }

  set(key: string, query: Query, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { query, at: now });
    if (this.entries.size > this.max)
      this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** Follow-ups are per person per chat: one officer's question is not another's context. */
export function followUpKey(chatId: number | undefined, userId: number | undefined): string {
  return `${chatId}:${userId}`;
}
