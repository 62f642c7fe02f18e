import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { InputFile, RawApi } from "grammy";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import { createBot } from "../bot/create-bot";
import { htmlToPlain } from "../bot/html";
import type { Services } from "../bot/services";

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

type Button = { text: string; callback_data?: string };

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
  let messageId = 0;
  let buttons: Button[] = [];
  let lastBotMessage: Message | undefined;
  const print = (text: string) => output.write(`${text}\n\n`);

  bot.api.config.use(async (_prev, method, payload) => {
    const p = payload as Record<string, unknown>;
    let result: unknown = true;
    if (method === "sendMessage" || method === "editMessageText") {
      print(htmlToPlain(String(p.text)));
      const keyboard = (p.reply_markup as { inline_keyboard?: Button[][] } | undefined)
        ?.inline_keyboard;
      if (method === "sendMessage") buttons = keyboard?.flat() ?? [];
      if (buttons.length) print(buttons.map((b, i) => `  [${i + 1}] ${b.text}`).join("\n"));
      lastBotMessage = {
        message_id: ++messageId,
        date: now(),
        chat,
        from: BOT,
        text: String(p.text),
      } as Message;
      result = lastBotMessage;
    } else if (method === "sendPhoto") {
      const dir = resolve(services.config.DATA_DIR, "grafik");
      mkdirSync(dir, { recursive: true });
      const file = p.photo as InputFile;
      const path = join(dir, file.filename ?? `grafik-${Date.now()}.png`);
      // toRaw() is how grammY itself reads an InputFile before uploading it.
      writeFileSync(path, (await file.toRaw()) as Uint8Array);
      print(`[grafik disimpan: ${path}]\n${htmlToPlain(String(p.caption ?? ""))}`);
      result = { message_id: ++messageId, date: now(), chat, photo: [] };
    } else if (method === "sendDocument") {
      const dir = resolve(services.config.DATA_DIR, "unduhan");
      mkdirSync(dir, { recursive: true });
      const file = p.document as InputFile;
      const path = join(dir, file.filename ?? `unduhan-${Date.now()}`);
      writeFileSync(path, (await file.toRaw()) as Uint8Array);
      print(`[berkas disimpan: ${path}]\n${htmlToPlain(String(p.caption ?? ""))}`);
      result = { message_id: ++messageId, date: now(), chat };
    } else if (method === "answerCallbackQuery" && p.text) {
      print(String(p.text));
    }
    return { ok: true, result } as Awaited<ReturnType<RawApi[typeof method]>> as never;
  });

  const lines = createInterface({ input, terminal: false });
  let updateId = 0;
  for await (const raw of lines) {
    const text = raw.trim();
    if (!text) continue;
    const pressed = /^\d+$/.test(text) ? buttons[Number(text) - 1] : undefined;
    const update: Update =
      pressed?.callback_data && lastBotMessage
        ? {
            update_id: ++updateId,
            callback_query: {
              id: String(updateId),
              from: TERMINAL_USER,
              chat_instance: "terminal",
              message: lastBotMessage,
              data: pressed.callback_data,
            },
          }
        : { update_id: ++updateId, message: userMessage(++messageId, chat, text) };
    if (pressed) buttons = [];
    await bot.handleUpdate(update);
  }
}

function userMessage(
  id: number,
  chat: { id: number; type: "private"; first_name: string },
  text: string,
): Update["message"] {
  const command = text.match(/^\/\w+/)?.[0];
  return {
    message_id: id,
    date: now(),
    chat,
    from: TERMINAL_USER,
    text,
    ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] } : {}),
  } as Update["message"];
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
