import type {
  BotCommand,
  Chat,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  PhotoSize,
  User,
} from "grammy/types";
import type { StoredFile } from "./files.js";
import type { Params } from "./params.js";
import { type NewUpdate, UpdateQueue } from "./updates.js";

export interface BotUser {
  id: number;
  is_bot: true;
  first_name: string;
  username: string;
}

export interface InlineMessage {
  text?: string;
  entities?: MessageEntity[];
  reply_markup?: InlineKeyboardMarkup;
}

/** A user's standing in a chat, as getChatMember reports it. */
export type MemberStatus =
  | "creator"
  | "administrator"
  | "member"
  | "restricted"
  | "left"
  | "kicked";

export interface Webhook {
  url: string;
  max_connections: number;
}

// Telegram never nests replies: a replied-to message comes without its own reply.
export function withoutReply({ reply_to_message: _, ...message }: Message): ReplyMessage {
  return message as ReplyMessage;
}

type ReplyMessage = NonNullable<Message["reply_to_message"]>;

/** Everything the fake knows: what it has seen in pushed updates and what the bot has done. */
export class State {
  readonly updates = new UpdateQueue();
  readonly chats = new Map<number, Chat>();
  readonly users = new Map<number, User>();
  readonly openCallbackQueries = new Set<string>();
  readonly openInlineQueries = new Set<string>();
  readonly inlineMessages = new Map<string, InlineMessage>();
  /** Every file_id of a sent photo, so the bot can send it again by id. */
  readonly photos = new Map<string, PhotoSize[]>();
  /** Documents by file_id, and by the file_path getFile gave them. */
  readonly files = new Map<string, StoredFile>();
  readonly filePaths = new Map<string, StoredFile>();
  /** Chats whose user blocked the bot (or that removed it): sending there is forbidden. */
  readonly blocked = new Set<number>();
  /** Keyed by scope and language_code. */
  readonly commands = new Map<string, BotCommand[]>();
  /**
   * Who is in which group: set by a test, or learned from a user writing there. A test's
   * setting wins, so a writer can still be an outsider (as in a channel's discussion group).
   */
  readonly members = new Map<number, Map<number, MemberStatus>>();
  webhook: Webhook | undefined;
  private readonly messages = new Map<string, Message>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly sentKeys: string[] = [];
  private serial = 0;

  constructor(
    readonly token: string,
    readonly botUser: BotUser,
  ) {}

  nextSerial(): number {
    return ++this.serial;
  }

  /** Message ids count up per chat, shared by the bot and the users in it. */
  nextMessageId(chatId: number): number {
    const id = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, id);
    return id;
  }

  message(chatId: number, messageId: number): Message | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  /** Stores a message the bot sent, or its edited version in place of the old one. */
  saveSent(message: Message): void {
    const key = `${message.chat.id}:${message.message_id}`;
    if (!this.messages.has(key)) this.sentKeys.push(key);
    this.messages.set(key, message);
  }

  sentMessages(chatId?: number): Message[] {
    return this.sentKeys
      .map((key) => this.messages.get(key))
      .filter(
        (m): m is Message => m !== undefined && (chatId === undefined || m.chat.id === chatId),
      );
  }

  setMember(chatId: number, userId: number, status: MemberStatus): void {
    const chat = this.members.get(chatId) ?? new Map<number, MemberStatus>();
    chat.set(userId, status);
    this.members.set(chatId, chat);
  }

  user(id: number): User {
    return this.users.get(id) ?? { id, is_bot: false, first_name: "" };
  }

  chatByUsername(username: string): Chat | undefined {
    const wanted = username.replace(/^@/, "").toLowerCase();
    return [...this.chats.values()].find(
      (chat) => "username" in chat && chat.username?.toLowerCase() === wanted,
    );
  }

  /** Remembers the chats, users, messages and open queries an incoming update shows. */
  learn(update: NewUpdate): void {
    const { message, edited_message, channel_post, edited_channel_post } = update;
    for (const m of [message, edited_message, channel_post, edited_channel_post]) {
      if (m !== undefined) this.learnMessage(m);
    }
    const callback = update.callback_query;
    if (callback !== undefined) {
      this.users.set(callback.from.id, callback.from);
      this.openCallbackQueries.add(callback.id);
      this.learnInlineMessage(callback.inline_message_id);
    }
    if (update.inline_query !== undefined) {
      this.users.set(update.inline_query.from.id, update.inline_query.from);
      this.openInlineQueries.add(update.inline_query.id);
    }
    if (update.chosen_inline_result !== undefined) {
      this.users.set(update.chosen_inline_result.from.id, update.chosen_inline_result.from);
      this.learnInlineMessage(update.chosen_inline_result.inline_message_id);
    }
  }

  private learnMessage(message: Message): void {
    const chatId = message.chat.id;
    this.chats.set(chatId, message.chat);
    if (message.from !== undefined) {
      this.users.set(message.from.id, message.from);
      if (message.chat.type !== "private" && !this.members.get(chatId)?.has(message.from.id))
        this.setMember(chatId, message.from.id, "member");
    }
    this.lastMessageId.set(
      chatId,
      Math.max(this.lastMessageId.get(chatId) ?? 0, message.message_id),
    );
    // An update may carry a stale copy of one of the bot's own messages; keep the current one.
    if (message.from?.id !== this.botUser.id)
      this.messages.set(`${chatId}:${message.message_id}`, message);
  }

  private learnInlineMessage(id: string | undefined): void {
    if (id !== undefined && !this.inlineMessages.has(id)) this.inlineMessages.set(id, {});
  }
}

export interface HandlerContext {
  state: State;
  /** Aborts when the client closes the connection before it got an answer. */
  signal: AbortSignal;
}

/** A Bot API method: returns the `result`, or throws an ApiError. */
export type Handler = (p: Params, ctx: HandlerContext) => unknown;
