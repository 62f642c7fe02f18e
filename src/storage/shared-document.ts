import type { z } from "zod";
import type { Storage } from "./storage";

/** A document a person relies on (an open handover, a subscription) outlives any conversation. */
const KEEP_MS = 400 * 86_400_000;
const LOCK_MS = 5_000;
const LOCK_TRIES = 100;

/**
 * One JSON document in the shared storage, changed by one writer at a time across every
 * instance: a short lock (setIfAbsent) around read, change and write. For what must be the
 * same on every instance (handovers, subscriptions) when REDIS_URL is set.
 */
export class SharedDocument<S extends z.ZodType> {
  constructor(
    private readonly storage: Storage,
    private readonly key: string,
    private readonly schema: S,
    private readonly empty: () => z.infer<S>,
  ) {}

  async read(): Promise<z.infer<S>> {
    const parsed = this.schema.safeParse(await this.storage.get(this.key));
    return parsed.success ? parsed.data : this.empty();
  }

  /** `edit` returns the new document (or undefined to leave it) and what the caller gets back. */
  async change<R>(edit: (doc: z.infer<S>) => { doc?: z.infer<S>; result: R }): Promise<R> {
    const lock = `${this.key}:lock`;
    for (let i = 0; !(await this.storage.setIfAbsent(lock, true, LOCK_MS)); i++) {
      if (i >= LOCK_TRIES) throw new Error(`${this.key} stayed locked`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    try {
      const { doc, result } = edit(await this.read());
      if (doc !== undefined) await this.storage.set(this.key, doc, KEEP_MS);
      return result;
    } finally {
      // A lock is let go by letting it expire at once.
      await this.storage.set(lock, false, 1).catch(() => undefined);
    }
  }
}
