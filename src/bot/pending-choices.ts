import type { Query } from "../understand/query";

/**
 * Questions waiting for the asker to pick a province. Callback data holds only a short id,
 * since Telegram allows 64 bytes; the query itself stays here, bounded.
 */
export class PendingChoices {
  private readonly entries = new Map<string, Query>();
  private next = 0;

  constructor(private readonly max = 5_000) {}

  add(query: Query): string {
    const id = (this.next++).toString(36);
    this.entries.set(id, query);
    if (this.entries.size > this.max)
      this.entries.delete(this.entries.keys().next().value as string);
    return id;
  }

  get(id: string): Query | undefined {
    return this.entries.get(id);
  }
}
