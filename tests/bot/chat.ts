import type { Message } from "grammy/types";
import type { ApiCall } from "../../packages/fake-telegram";
import { nextReply, type Running } from "./harness";

export type TestChat = { id: number; type: "private" | "group" | "supergroup"; title?: string };
export type TestUser = { id: number; first_name?: string };

function sent(call: ApiCall): Message {
  if (!call.response?.ok)
    throw new Error(`${call.method} failed: ${JSON.stringify(call.response)}`);
  return call.response.result as Message;
}

/** A person in a chat with the bot: what they send, and the bot's next message there. */
export function person(r: Running, chat: TestChat, from: TestUser = chat) {
  return {
    /** Sends text; resolves with the bot's next message in this chat. */
    async say(text: string, method = "sendMessage"): Promise<Message> {
      const since = r.fake.calls.length;
      r.fake.sendText({ chat, from, text });
      return sent(await nextReply(r.fake, chat.id, since, method));
    },
    /** Sends a document; resolves with the bot's next message in this chat. */
    async sendFile(fileName: string, data: Buffer, mimeType = "text/plain"): Promise<Message> {
      const since = r.fake.calls.length;
      r.fake.sendDocument({ chat, from, fileName, mimeType, data });
      return sent(await nextReply(r.fake, chat.id, since));
    },
    /**
     * Presses a button of the message; resolves with the text the bot answered the press with
     * (an alert or a toast), once it answered.
     */
    async press(message: Message, data: string): Promise<string | undefined> {
      const since = r.fake.calls.length;
      r.fake.pressButton({ from, message, data });
      const call = await r.fake.waitForCall(
        "answerCallbackQuery",
        (c) => c.status === 200,
        10_000,
        since,
      );
      return call.params.text === undefined ? undefined : String(call.params.text);
    },
    /** Presses a button and waits for the bot to edit that message; both outcomes. */
    async pressAndEdit(
      message: Message,
      data: string,
    ): Promise<{ answer: string | undefined; message: Message }> {
      const since = r.fake.calls.length;
      const answer = await this.press(message, data);
      await r.fake.waitForCall(
        "editMessageText",
        (c) => Number(c.params.message_id) === message.message_id,
        10_000,
        since,
      );
      return { answer, message: this.current(message) };
    },
    /** The bot's next message in this chat from call index `since` on (a reply after a press). */
    async next(since: number, method = "sendMessage"): Promise<Message> {
      return sent(await nextReply(r.fake, chat.id, since, method));
    },
    /** The message as it is now, edits applied. */
    current(message: Message): Message {
      return (
        r.fake.sentMessages(chat.id).find((m) => m.message_id === message.message_id) ?? message
      );
    },
  };
}
