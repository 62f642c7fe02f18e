import { createHmac, randomBytes } from "node:crypto";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { z } from "zod";

const entrySchema = z.object({
  at: z.string(),
  chatType: z.string(),
  reason: z.enum(["no_data", "out_of_scope", "ambiguous"]),
  question: z.string(),
  user: z.string(),
});
export type UnansweredEntry = z.infer<typeof entrySchema>;

const FILE = "unanswered.jsonl";
const OLD_FILE = "unanswered.1.jsonl";

/**
 * Questions the bot could not answer, one JSON line each, so admins see which articles or
 * synonyms to add. User ids are keyed hashes (the key stays in the data folder); no names.
 * The file is capped: past the cap it becomes the one older file kept, and a new one starts.
 */
export class UnansweredLog {
  private readonly key: Buffer;
  private size?: number;

  constructor(
    private readonly dir: string,
    private readonly maxBytes = 1_000_000,
  ) {
    mkdirSync(dir, { recursive: true });
    const keyFile = join(dir, "user-hash.key");
    if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    this.key = readFileSync(keyFile);
  }

  add(entry: Omit<UnansweredEntry, "user" | "at"> & { userId: number; at: Date }): void {
    const { userId, at, ...rest } = entry;
    const user = createHmac("sha256", this.key).update(String(userId)).digest("hex").slice(0, 16);
    const line = `${JSON.stringify({ at: at.toISOString(), ...rest, question: rest.question.slice(0, 500), user })}\n`;
    const path = join(this.dir, FILE);
    // The size is read from disk once and then counted, so a question costs one write.
    this.size ??= existsSync(path) ? statSync(path).size : 0;
    const bytes = Buffer.byteLength(line);
    if (this.size + bytes > this.maxBytes) {
      renameSync(path, join(this.dir, OLD_FILE));
      this.size = 0;
    }
    appendFileSync(path, line);
    this.size += bytes;
  }

  /** The most frequent questions since `since`, with how often and why they went unanswered. */
  top(since: Date, limit = 10): { question: string; count: number; reasons: string[] }[] {
    const counts = new Map<string, { question: string; count: number; reasons: Set<string> }>();
    for (const e of this.read()) {
      if (new Date(e.at) < since) continue;
      const key = e.question.toLowerCase().replace(/\s+/g, " ").trim();
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

  private read(): UnansweredEntry[] {
    return [OLD_FILE, FILE].flatMap((name) => {
      const path = join(this.dir, name);
      if (!existsSync(path)) return [];
      return readFileSync(path, "utf8")
        .split("\n")
        .flatMap((line) => {
          const parsed = line ? entrySchema.safeParse(safeJson(line)) : undefined;
          return parsed?.success ? [parsed.data] : [];
        });
    });
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
