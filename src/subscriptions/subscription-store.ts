/**
 * The chats that asked (/langganan) to hear of new figures. Async and this small on purpose,
 * so that where they are kept (a file in DATA_DIR today) can change without touching the bot.
 */
export interface SubscriptionStore {
  /** False when the chat was subscribed already. */
  add(chatId: number): Promise<boolean>;
  /** False when the chat was not subscribed. */
  remove(chatId: number): Promise<boolean>;
  list(): Promise<number[]>;
}
