import { randomBytes } from "node:crypto";
import type { Storage } from "../storage/storage";
import type { Query } from "../understand/query";

const TTL_MS = 24 * 3_600_000;

/**
 * Questions waiting for the asker to pick a province. Callback data holds only a random id,
 * since Telegram allows 64 bytes and a query is larger; the query is in the storage for a
 * day, so a button pressed on any instance finds it.
 */
export class PendingChoices {
  constructor(private readonly storage: Storage) {}

  /** The id for the buttons; undefined while the storage is down (then no buttons). */
  async add(query: Query): Promise<string | undefined> {
    const id = randomBytes(6).toString("hex");
    try {
      await this.storage.set(`choice:${id}`, query, TTL_MS);
      return id;
    } catch {
      return undefined;
    }
  }

  get(id: string): Promise<Query | undefined> {
    return this.storage.get<Query>(`choice:${id}`).catch(() => undefined);
  }
}
