import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Logger } from "../logger";
import type { UserHash } from "./user-hash";

const entrySchema = z.object({
  at: z.string(),
  chatType: z.string(),
  reason: z.enum(["no_data", "out_of_scope", "ambiguous"]),
  question: z.string(),
  user: z.string(),
});
export type UnansweredEntry = z.infer<typeof entrySchema>;
type NewEntry = Omit<UnansweredEntry, "user" | "at"> & { userId: number; at: Date };

const FILE = "unanswered.jsonl";
const OLD_FILE = "unanswered.1.jsonl";

/**
 * Questions the bot could not answer, one JSON line each, so admins see which articles or
 * synonyms to add. User ids are keyed hashes; no names. The file is capped: past the cap it
 * becomes the one older file kept, and a new one starts.
 *
 * Writing it never stands between a person and their answer: while the data folder cannot be
 * written, entries wait in memory (the newest `maxWaiting`), a warning is logged once, and
 * every new entry tries again.
 */
export class UnansweredLog {
  private readonly dir: string;
  private readonly hash: UserHash;
  private readonly logger: Logger;
  private readonly maxBytes: number;
  private readonly maxWaiting: number;
  private waiting: NewEntry[] = [];
  private dropped = 0;
  private failing = false;
  private ready = false;
  private size?: number;

  constructor(opts: {
    dir: string;
    hash: UserHash;
    logger: Logger;
    maxBytes?: number;
    maxWaiting?: number;
  }) {
    this.dir = opts.dir;
    this.hash = opts.hash;
    this.logger = opts.logger;
    this.maxBytes = opts.maxBytes ?? 1_000_000;
    this.maxWaiting = opts.maxWaiting ?? 1_000;
    // Says at the start, not at the first unanswered question, that the folder is unwritable.
    this.flush();
  }

  add(entry: NewEntry): void {
    this.waiting.push(entry);
    if (this.waiting.length > this.maxWaiting) {
      this.waiting.shift();
      this.dropped++;
    }
    this.flush();
  }

  /** The most frequent questions since `since`, with how often and why they went unanswered. */
  top(since: Date, limit = 10): { question: string; count: number; reasons: string[] }[] {
    const counts = new Map<string, { question: string; count: number; reasons: Set<string> }>();
    for (const e of [...this.read(), ...this.waiting.map((w) => this.toEntry(w))]) {
      if (new Date(e.at) < since) continue;
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

  private flush(): void {
    try {
      if (!this.ready) {
        mkdirSync(this.dir, { recursive: true });
        this.hash.store();
        this.ready = true;
      }
      for (let e = this.waiting[0]; e; e = this.waiting[0]) {
        this.write(`${JSON.stringify(this.toEntry(e))}\n`);
        this.waiting.shift();
      }
      if (this.failing)
        this.logger.info({ dir: this.dir, dropped: this.dropped }, "unanswered log written again");
      this.failing = false;
      this.dropped = 0;
    } catch (err) {
      this.ready = false;
      this.size = undefined;
      if (!this.failing)
        this.logger.warn(
          { err, dir: this.dir, waiting: this.waiting.length },
          "cannot write to DATA_DIR; unanswered questions wait in memory and are retried",
        );
      this.failing = true;
    }
  }

  private write(line: string): void {
    const path = join(this.dir, FILE);
    // The size is read from disk once and then counted, so a question costs one write.
    this.size ??= existsSync(path) ? statSync(path).size : 0;
    const bytes = Buffer.byteLength(line);
    if (this.size + bytes > this.maxBytes) {
      renameSync(path, join(this.dir, OLD_FILE));
      this.size = 0;
    }
    appendFileSync(path, line, { mode: 0o600 });
    this.size += bytes;
  }

  private toEntry({ userId, at, ...rest }: NewEntry): UnansweredEntry {
    return {
      at: at.toISOString(),
      ...rest,
      question: rest.question.slice(0, 500),
      user: this.hash.of(userId),
    };
  }

  private read(): UnansweredEntry[] {
    return [OLD_FILE, FILE].flatMap((name) => {
      const path = join(this.dir, name);
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch {
        return [];
      }
      return text.split("\n").flatMap((line) => {
        const parsed = line ? entrySchema.safeParse(safeJson(line)) : undefined;
        return parsed?.success ? [parsed.data] : [];
      });
    });
  }
}

/** One question however it was capitalised and spaced, for counting it and finding it again. */
export function questionKey(question: string): string {
  return question.toLowerCase().replace(/\s+/g, " ").trim();
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
