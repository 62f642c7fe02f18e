import { z } from "zod";
import type { Storage } from "../storage/storage";
import type { UserHash } from "./user-hash";

const entrySchema = z.object({
  at: z.string(),
  chatType: z.string(),
  reason: z.enum(["no_data", "out_of_scope", "ambiguous"]),
  question: z.string(),
  user: z.string(),
});
export type UnansweredEntry = z.infer<typeof entrySchema>;
export type UnansweredReason = UnansweredEntry["reason"];
type NewEntry = Omit<UnansweredEntry, "user" | "at"> & { userId: number; at: Date };

const LIST = "unanswered";

/**
 * Questions the bot could not answer, so admins see which articles or synonyms to add. User
 * ids are keyed hashes; no names. The list is capped (`maxEntries`, about 1 MB; the embedded
 * storage keeps the one file before too, in DATA_DIR/unanswered.jsonl and unanswered.1.jsonl).
 *
 * Keeping it never stands between a person and their answer: while the storage cannot be
 * written, entries wait in memory (the newest `maxWaiting`) and every new entry tries again.
 */
export class UnansweredLog {
  private readonly storage: Storage;
  private readonly hash: UserHash;
  private readonly maxEntries: number;
  private readonly maxWaiting: number;
  private waiting: UnansweredEntry[] = [];
  private flushing: Promise<void> = Promise.resolve();

  constructor(opts: {
    storage: Storage;
    hash: UserHash;
    maxEntries?: number;
    maxWaiting?: number;
  }) {
    this.storage = opts.storage;
    this.hash = opts.hash;
    this.maxEntries = opts.maxEntries ?? 1_500;
    this.maxWaiting = opts.maxWaiting ?? 1_000;
  }

  /** Keeps the entry; resolves once it is written or left waiting. */
  add(entry: NewEntry): Promise<void> {
    this.waiting.push(this.toEntry(entry));
    if (this.waiting.length > this.maxWaiting) this.waiting.shift();
    return this.flush();
  }

  /** Writes what waits, one flush at a time, so entries keep their order. */
  private flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      try {
        // The hash key goes to DATA_DIR with the first entry; while it cannot, hashes still work.
        this.hash.store();
      } catch {}
      try {
        for (let e = this.waiting[0]; e; e = this.waiting[0]) {
          await this.storage.append(LIST, e, this.maxEntries);
          this.waiting.shift();
        }
      } catch {
        // The storage has logged it; the entries wait for the next try.
      }
    });
    return this.flushing;
  }

  /** The most frequent questions since `since`, with how often and why they went unanswered. */
  async top(
    since: Date,
    limit = 10,
  ): Promise<{ question: string; count: number; reasons: string[] }[]> {
    const kept = await this.storage.items(LIST).catch(() => []);
    const counts = new Map<string, { question: string; count: number; reasons: Set<string> }>();
    for (const item of [...kept, ...this.waiting]) {
      const parsed = entrySchema.safeParse(item);
      if (!parsed.success || new Date(parsed.data.at) < since) continue;
      const e = parsed.data;
      const key = questionKey(e.question);
      const c = counts.get(key) ?? { question: e.question, count: 0, reasons: new Set<string>() };
      c.count++;
      c.reasons.add(e.reason);
      counts.set(key, c);
    }
    return [...counts.values()]
      .sort((a, b) => b.count - a.count)
      .slice(0, limit)
      .map((c) => ({ question: c.question, count: c.count, reasons: [...c.reasons] }));
  }

  private toEntry({ userId, at, ...rest }: NewEntry): UnansweredEntry {
    return {
      at: at.toISOString(),
      ...rest,
      question: rest.question.slice(0, 500),
      user: this.hash.of(userId),
    };
  }
}

/** One question however it was capitalised and spaced, for counting it and finding it again. */
export function questionKey(question: string): string {
  return question.toLowerCase().replace(/\s+/g, " ").trim();
}
