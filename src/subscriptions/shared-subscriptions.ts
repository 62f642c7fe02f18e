import { z } from "zod";
import { SharedDocument } from "../storage/shared-document";
import type { Storage } from "../storage/storage";
import type { SubscriptionStore } from "./subscription-store";

const docSchema = z.object({ chats: z.array(z.number().int()) });

/** Subscriptions in the storage every instance shares (REDIS_URL): one list for all of them. */
export class SharedSubscriptions implements SubscriptionStore {
  private readonly doc: SharedDocument<typeof docSchema>;

  constructor(storage: Storage) {
    this.doc = new SharedDocument(storage, "subscriptions:chats", docSchema, () => ({ chats: [] }));
  }

  add(chatId: number): Promise<boolean> {
    return this.doc.change((d) =>
      d.chats.includes(chatId)
        ? { result: false }
        : { doc: { chats: [...d.chats, chatId] }, result: true },
    );
  }

  remove(chatId: number): Promise<boolean> {
    return this.doc.change((d) =>
      d.chats.includes(chatId)
        ? { doc: { chats: d.chats.filter((c) => c !== chatId) }, result: true }
        : { result: false },
    );
  }

  async list(): Promise<number[]> {
    return (await this.doc.read()).chats;
  }
}
