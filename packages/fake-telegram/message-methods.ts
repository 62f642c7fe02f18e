import type { Chat, Message, PhotoSize } from "grammy/types";
import type { UploadedFile } from "./body.js";
import { ApiError, badRequest } from "./errors.js";
import { documentParam } from "./files.js";
import { readReplyMarkup } from "./keyboard.js";
import { formatText } from "./message-text.js";
import {
  boolParam,
  canonicalJson,
  intParam,
  isRecord,
  jsonParam,
  type Params,
  stringParam,
} from "./params.js";
import { imageSize, photoSizes } from "./photo.js";
import { type Handler, type State, withoutReply } from "./state.js";

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

// Telegram downloads photos sent by URL; the fake can't, so it pretends they have this size.
const URL_PHOTO = { width: 640, height: 480 };

const sendMessage: Handler = (p, { state }) => {
  const chat = knownChat(state, p);
  const { text, entities } = formatText(p, "text", (id) => state.user(id));
  return send(state, chat, p, { text, entities: nonEmpty(entities) });
};

const sendPhoto: Handler = (p, { state }) => {
  const chat = knownChat(state, p);
  const photo = photoParam(state, p);
  const caption = formatText(p, "caption", (id) => state.user(id));
  return send(state, chat, p, {
    photo,
    caption: caption.text || undefined,
    caption_entities: nonEmpty(caption.entities),
    has_media_spoiler: boolParam(p, "has_spoiler") || undefined,
  });
};

const sendDocument: Handler = (p, { state }) => {
  const chat = knownChat(state, p);
  const document = documentParam(state, p);
  const caption = formatText(p, "caption", (id) => state.user(id));
  return send(state, chat, p, {
    document,
    caption: caption.text || undefined,
    caption_entities: nonEmpty(caption.entities),
  });
};

const editMessageText: Handler = (p, { state }) => {
  const { text, entities } = formatText(p, "text", (id) => state.user(id));
  // Telegram drops the keyboard of a message edited without reply_markup.
  const content = { text, entities: nonEmpty(entities), reply_markup: readReplyMarkup(p) };
  const inlineId = stringParam(p, "inline_message_id");
  if (inlineId !== undefined) {
    const current = state.inlineMessages.get(inlineId);
    if (current === undefined) throw badRequest("MESSAGE_ID_INVALID");
    checkModified(current, content);
    state.inlineMessages.set(inlineId, content);
    return true;
  }
  const chat = knownChat(state, p);
  const messageId = intParam(p, "message_id");
  if (messageId === undefined) throw badRequest("message identifier is not specified");
  const current = state.message(chat.id, messageId);
  if (current === undefined) throw badRequest("message to edit not found");
  if (current.from?.id !== state.botUser.id) throw badRequest("message can't be edited");
  if (current.text === undefined) throw badRequest("there is no text in the message to edit");
  checkModified(current, content);
  const edited = compact({ ...current, ...content, edit_date: now() }) as Message;
  state.saveSent(edited);
  return edited;
};

const sendChatAction: Handler = (p, { state }) => {
  knownChat(state, p);
  if (!CHAT_ACTIONS.has(stringParam(p, "action") ?? "")) {
    throw badRequest("wrong parameter action in request");
  }
  return true;
};

export const messageMethods: Record<string, Handler> = {
  sendMessage,
  sendPhoto,
  sendDocument,
  editMessageText,
  sendChatAction,
};

function send(state: State, chat: Chat, p: Params, content: Partial<Message>): Message {
  const replyTo = replyTarget(state, p, chat);
  const reply_markup = readReplyMarkup(p);
  const message = compact({
    message_id: state.nextMessageId(chat.id),
    from: state.botUser,
    chat,
    date: now(),
    reply_to_message: replyTo && withoutReply(replyTo),
    ...content,
    reply_markup,
  }) as Message;
  state.saveSent(message);
  return message;
}

export function knownChat(state: State, p: Params): Chat {
  const raw = stringParam(p, "chat_id") ?? "";
  if (raw === "") throw badRequest("chat_id is empty");
  const id = intParam(p, "chat_id");
  const chat = id === undefined ? state.chatByUsername(raw) : state.chats.get(id);
  // Only chats seen in updates exist for the bot, as a bot can't start conversations.
  if (chat === undefined) throw badRequest("chat not found");
  if (state.blocked.has(chat.id))
    throw new ApiError(
      403,
      chat.type === "private"
        ? "Forbidden: bot was blocked by the user"
        : `Forbidden: bot was kicked from the ${chat.type} chat`,
    );
  return chat;
}

function replyTarget(state: State, p: Params, chat: Chat): Message | undefined {
  const reply = jsonParam(p, "reply_parameters", "can't parse reply parameters JSON object");
  const source = isRecord(reply) ? reply : p;
  const messageId = intParam(source, isRecord(reply) ? "message_id" : "reply_to_message_id");
  if (messageId === undefined) return undefined;
  const target = state.message(intParam(source, "chat_id") ?? chat.id, messageId);
  if (target === undefined && !boolParam(source, "allow_sending_without_reply")) {
    throw badRequest("message to be replied not found");
  }
  return target;
}

function photoParam(state: State, p: Params): PhotoSize[] {
  let photo = p.photo;
  if (typeof photo === "string" && photo.startsWith("attach://"))
    photo = p[photo.slice("attach://".length)];
  if (isUploadedFile(photo)) return uploadedPhoto(state, photo);
  if (typeof photo !== "string" || photo === "")
    throw badRequest("there is no photo in the request");
  const known = state.photos.get(photo);
  if (known !== undefined) return known;
  if (/^https?:\/\//i.test(photo))
    return rememberPhoto(state, photoSizes(state.nextSerial(), URL_PHOTO, 50_000));
  throw badRequest("wrong file identifier/HTTP URL specified");
}

function uploadedPhoto(state: State, file: UploadedFile): PhotoSize[] {
  if (file.size === 0) throw badRequest("file must be non-empty");
  if (file.size > 10 * 1024 * 1024) throw badRequest("file is too big");
  const size = imageSize(file.data);
  if (size === undefined) throw badRequest("IMAGE_PROCESS_FAILED");
  const { width, height } = size;
  if (width + height > 10_000 || Math.max(width / height, height / width) > 20) {
    throw badRequest("PHOTO_INVALID_DIMENSIONS");
  }
  return rememberPhoto(state, photoSizes(state.nextSerial(), size, file.size));
}

function rememberPhoto(state: State, sizes: PhotoSize[]): PhotoSize[] {
  for (const size of sizes) state.photos.set(size.file_id, sizes);
  return sizes;
}

function isUploadedFile(value: unknown): value is UploadedFile {
  return isRecord(value) && Buffer.isBuffer(value.data);
}

function checkModified(current: Partial<Message>, next: Partial<Message>): void {
  const content = (m: Partial<Message>) =>
    canonicalJson({ text: m.text, entities: m.entities, reply_markup: m.reply_markup });
  if (content(current) === content(next)) {
    throw badRequest(
      "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
  }
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

/** Drops undefined fields, so stored messages look exactly like the JSON the bot receives. */
function compact(fields: object): object {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
