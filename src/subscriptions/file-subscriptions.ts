import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../files/atomic-write";
import type { SubscriptionStore } from "./subscription-store";

const fileSchema = z.object({ chats: z.array(z.number().int()) });

const FILE = "subscriptions.json";

/**
 * Subscriptions in DATA_DIR/subscriptions.json, beside the bot's other state, rewritten whole
 * (temporary file, then rename) on every change, one change at a time. Mode 0600: a private
 * chat's id is the person's Telegram id.
 */
export class FileSubscriptions implements SubscriptionStore {
  private chats?: Set<number>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: string) {}

  add(chatId: number): Promise<boolean> {
    return this.change((chats) => !chats.has(chatId) && Boolean(chats.add(chatId)));
  }

  remove(chatId: number): Promise<boolean> {
    return this.change((chats) => chats.delete(chatId));
  }

  async list(): Promise<number[]> {
    await this.queue;
    return [...this.load()];
  }

  private change(edit: (chats: Set<number>) => boolean): Promise<boolean> {
    const run = this.queue.then(() => {
      const next = new Set(this.load());
      if (!edit(next)) return false;
      mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(join(this.dir, FILE), `${JSON.stringify({ chats: [...next] })}\n`, 0o600);
      this.chats = next;
      return true;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Read once; a file that is there but broken is an error, never silently emptied. */
  private load(): Set<number> {
    if (this.chats) return this.chats;
    let text: string;
    try {
      text = readFileSync(join(this.dir, FILE), "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      this.chats = new Set();
      return this.chats;
    }
    this.chats = new Set(fileSchema.parse(JSON.parse(text)).chats);
    return this.chats;
  }
}
