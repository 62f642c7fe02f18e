import { createInterface } from "node:readline";
import type { Chat, Update, UserFromGetMe } from "grammy/types";
import { createBot } from "../bot/create-bot";
import type { Services } from "../bot/services";
import { now, TerminalApi } from "./terminal-api";

const BOT: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: "UMKM Statistik",
  username: "umkm_terminal_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/** The person at the terminal: an admin, so /reload works here too. */
export const TERMINAL_USER = { id: 10, is_bot: false, first_name: "Anda" } as const;

/**
 * The same bot, every command included, chatting in the terminal: each line typed becomes a
 * Telegram update, and what the bot would send to Telegram is printed instead. A number
 * typed after a message with buttons presses that button.
 */
export async function runTerminal(
  services: Services,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<void> {
  const bot = createBot("0:terminal", services, { botInfo: BOT });
  const chat = {
    id: TERMINAL_USER.id,
    type: "private" as const,
    first_name: TERMINAL_USER.first_name,
  };
  const api = new TerminalApi(BOT, chat, services.config.DATA_DIR, (text) =>
    output.write(`${text}\n\n`),
  );
  bot.api.config.use(api.transformer);
  let updateId = 0;
  for await (const raw of createInterface({ input, terminal: false })) {
    const text = raw.trim();
    if (!text) continue;
    const pressed = /^\d+$/.test(text) ? api.buttons[Number(text) - 1] : undefined;
    const update: Update =
      pressed?.callback_data && api.lastBotMessage
        ? {
            update_id: ++updateId,
            callback_query: {
              id: String(updateId),
              from: TERMINAL_USER,
              chat_instance: "terminal",
              message: api.lastBotMessage,
              data: pressed.callback_data,
            },
          }
        : { update_id: ++updateId, message: userMessage(api.nextMessageId(), chat, text) };
    if (pressed) api.buttons = [];
    await bot.handleUpdate(update);
  }
}

function userMessage(id: number, chat: Chat.PrivateChat, text: string): Update["message"] {
  const command = text.match(/^\/\w+/)?.[0];
  return {
    message_id: id,
    date: now(),
    chat,
    from: TERMINAL_USER,
    text,
    ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] } : {}),
  };
}
