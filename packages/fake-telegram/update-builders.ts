import type {
  CallbackQuery,
  Chat,
  Document,
  InlineQuery,
  Message,
  MessageEntity,
  Update,
  User,
} from "grammy/types";
import { sortEntities } from "./html-entities.js";
import { hasCallbackButton } from "./keyboard.js";
import { type State, withoutReply } from "./state.js";

export interface SendTextOptions {
  chat: { id: number; type: "private" | "group" | "supergroup"; title?: string };
  from?: { id: number; first_name?: string; username?: string };
  text: string;
  replyTo?: Message;
  entities?: MessageEntity[];
}

export interface SendDocumentOptions {
  chat: SendTextOptions["chat"];
  from?: SendTextOptions["from"];
  fileName: string;
  mimeType?: string;
  data: Buffer;
  caption?: string;
}

export interface UserRef {
  id: number;
  first_name?: string;
  username?: string;
}

// Who writes in a group when the test doesn't say.
const DEFAULT_GROUP_USER_ID = 1001;

/** A user as Telegram describes them, reusing what earlier updates said about them. */
export function userFor(state: State, ref: UserRef): User {
  const known = state.users.get(ref.id);
  return {
    ...(known ?? { id: ref.id, is_bot: false, first_name: "Tester" }),
    ...(ref.first_name !== undefined && { first_name: ref.first_name }),
    ...(ref.username !== undefined && { username: ref.username }),
  };
}

export function textMessage(state: State, opts: SendTextOptions): Message & Update.NonChannel {
  const { chat, from } = sender(state, opts);
  // Telegram marks a leading /command (with an optional @botname) as a bot_command entity.
  const command = /^\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_])/.exec(
    opts.text,
  )?.[0];
  const entities = sortEntities([
    ...(command === undefined
      ? []
      : [{ type: "bot_command" as const, offset: 0, length: command.length }]),
    ...(opts.entities ?? []),
  ]);
  const replyTo =
    opts.replyTo && (state.message(opts.replyTo.chat.id, opts.replyTo.message_id) ?? opts.replyTo);
  return {
    message_id: state.nextMessageId(chat.id),
    from,
    chat,
    date: Math.floor(Date.now() / 1000),
    ...(replyTo && { reply_to_message: withoutReply(replyTo) }),
    text: opts.text,
    ...(entities.length > 0 && { entities }),
  };
}

/** A user's message with a document that the fake already stores, as getFile will find it. */
export function documentMessage(
  state: State,
  opts: SendDocumentOptions,
  document: Document,
): Message & Update.NonChannel {
  const { chat, from } = sender(state, opts);
  return {
    message_id: state.nextMessageId(chat.id),
    from,
    chat,
    date: Math.floor(Date.now() / 1000),
    document,
    ...(opts.caption !== undefined && { caption: opts.caption }),
  };
}

function sender(
  state: State,
  opts: Pick<SendTextOptions, "chat" | "from">,
): { chat: Exclude<Chat, Chat.ChannelChat>; from: User } {
  const { chat: target } = opts;
  const from = userFor(
    state,
    opts.from ?? { id: target.type === "private" ? target.id : DEFAULT_GROUP_USER_ID },
  );
  const chat: Exclude<Chat, Chat.ChannelChat> =
    target.type === "private"
      ? {
          id: target.id,
          type: "private",
          first_name: from.first_name,
          ...(from.username && { username: from.username }),
        }
      : { id: target.id, type: target.type, title: target.title ?? "Test group" };
  return { chat, from };
}

/**
 * A press on one of the message's inline buttons. Like a real client, it can only press a button
 * the message (as last sent or edited by the bot) has, so a stale test fails here loudly.
 */
export function buttonPress(
  state: State,
  opts: { from: UserRef; message: Message; data: string },
): CallbackQuery {
  const message = state.message(opts.message.chat.id, opts.message.message_id);
  if (message === undefined) {
    throw new Error(
      `fake-telegram: no message ${opts.message.message_id} in chat ${opts.message.chat.id}`,
    );
  }
  if (!hasCallbackButton(message.reply_markup, opts.data)) {
    throw new Error(
      `fake-telegram: message ${message.message_id} has no button with callback_data ${JSON.stringify(opts.data)}`,
    );
  }
  return {
    id: String(4_000_000_000_000 + state.nextSerial()),
    from: userFor(state, opts.from),
    message,
    chat_instance: String(-Math.abs(message.chat.id) * 31 - 7),
    data: opts.data,
  };
}

export function inlineQuery(state: State, opts: { from: UserRef; query: string }): InlineQuery {
  return {
    id: String(5_000_000_000_000 + state.nextSerial()),
    from: userFor(state, opts.from),
    query: opts.query,
    offset: "",
  };
}
