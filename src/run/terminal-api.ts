import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { InputFile, Transformer } from "grammy";
import type { Chat, Message, UserFromGetMe } from "grammy/types";
import { htmlToPlain } from "../bot/html";

type Button = { text: string; callback_data?: string };
type Payload = Record<string, unknown>;

/**
 * The Bot API as the terminal chat answers it, in process: what the bot sends is printed
 * (charts and files saved to DATA_DIR), and the buttons of its last message are numbered so
 * that typing a number presses one.
 */
export class TerminalApi {
  buttons: Button[] = [];
  lastBotMessage?: Message;
  private messageId = 0;

  constructor(
    private readonly bot: UserFromGetMe,
    private readonly chat: Chat.PrivateChat,
    private readonly dataDir: string,
    private readonly print: (text: string) => void,
  ) {}

  nextMessageId(): number {
    return ++this.messageId;
  }

  readonly transformer: Transformer = async (_prev, method, payload) => {
    const result = await this.handle(method, payload as Payload);
    // The terminal answers every method itself, successfully; grammY's typing cannot follow.
    return { ok: true, result } as never;
  };

  private async handle(method: string, p: Payload): Promise<unknown> {
    switch (method) {
      case "sendMessage":
      case "editMessageText":
        return this.message(method, p);
      case "sendPhoto":
        return this.file(p.photo as InputFile, "grafik", String(p.caption ?? ""));
      case "sendDocument":
        return this.file(p.document as InputFile, "unduhan", String(p.caption ?? ""));
      case "answerCallbackQuery":
        if (p.text) this.print(String(p.text));
        return true;
      default:
        return true;
    }
  }

  private message(method: string, p: Payload): Message {
    this.print(htmlToPlain(String(p.text)));
    const keyboard = (p.reply_markup as { inline_keyboard?: Button[][] } | undefined)
      ?.inline_keyboard;
    if (method === "sendMessage") this.buttons = keyboard?.flat() ?? [];
    if (this.buttons.length)
      this.print(this.buttons.map((b, i) => `  [${i + 1}] ${b.text}`).join("\n"));
    this.lastBotMessage = {
      message_id: this.nextMessageId(),
      date: now(),
      chat: this.chat,
      from: this.bot,
      text: String(p.text),
    };
    return this.lastBotMessage;
  }

  /** A chart or a download, saved where the person can open it. */
  private async file(file: InputFile, folder: string, caption: string): Promise<unknown> {
    const dir = resolve(this.dataDir, folder);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, file.filename ?? `${folder}-${Date.now()}`);
    // toRaw() is how grammY itself reads an InputFile before uploading it.
    writeFileSync(path, (await file.toRaw()) as Uint8Array);
    const what = folder === "grafik" ? "grafik" : "berkas";
    this.print(`[${what} disimpan: ${path}]\n${htmlToPlain(caption)}`);
    return { message_id: this.nextMessageId(), date: now(), chat: this.chat, photo: [] };
  }
}

export function now(): number {
  return Math.floor(Date.now() / 1000);
}
