import type { Storage } from "../storage/storage";
import type { Query } from "../understand/query";

/**
 * Each person's last question in each chat, for FOLLOW_UP_MINUTES, so that "kalau Jawa
 * Barat?" can build on it, whichever instance answers. Per person per chat: one officer's
 * question is not another's context. While the storage is down there are no follow-ups:
 * each question is read on its own.
 */
export class LastQuestions {
  constructor(
    private readonly storage: Storage,
    private readonly ttlMs: number,
  ) {}

  get(chatId: number | undefined, userId: number | undefined): Promise<Query | undefined> {
    return this.storage.get<Query>(key(chatId, userId)).catch(() => undefined);
  }

  set(chatId: number | undefined, userId: number | undefined, query: Query): Promise<void> {
    return this.storage.set(key(chatId, userId), query, this.ttlMs).catch(() => undefined);
  }
}

function key(chatId: number | undefined, userId: number | undefined): string {
  return `followup:${chatId}:${userId}`;
}
