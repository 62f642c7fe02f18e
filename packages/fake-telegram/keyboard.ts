import type { InlineKeyboardMarkup } from "grammy/types";
import { badRequest } from "./errors.js";
import { isRecord, jsonParam, type Params } from "./params.js";

const ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

/**
 * Checks reply_markup like Telegram and returns what the sent message keeps: only inline
 * keyboards are attached to a message; reply keyboards, force_reply and remove_keyboard are not.
 */
export function readReplyMarkup(p: Params): InlineKeyboardMarkup | undefined {
  const markup = jsonParam(p, "reply_markup", "can't parse reply keyboard markup JSON object");
  if (markup === undefined || markup === null) return undefined;
  if (!isRecord(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
  const rows = markup.inline_keyboard;
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest(
      'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays',
    );
  }
  for (const button of rows.flat()) checkButton(button);
  return rows.length > 0 ? (markup as unknown as InlineKeyboardMarkup) : undefined;
}

function checkButton(button: unknown): void {
  const invalid = (why: string) => badRequest(`can't parse inline keyboard button: ${why}`);
  if (!isRecord(button)) throw invalid("InlineKeyboardButton must be an Object");
  if (typeof button.text !== "string") throw invalid('Field "text" must be of type String');
  if (!ACTIONS.some((action) => button[action] !== undefined)) {
    throw invalid("Text buttons are unallowed in the inline keyboard");
  }
  const data = button.callback_data;
  if (data !== undefined) {
    const bytes = typeof data === "string" ? Buffer.byteLength(data) : 0;
    if (bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID");
  }
}

/** Whether a message's keyboard has a button that sends this callback data. */
export function hasCallbackButton(markup: InlineKeyboardMarkup | undefined, data: string): boolean {
  return (markup?.inline_keyboard ?? []).some((row) =>
    row.some((button) => "callback_data" in button && button.callback_data === data),
  );
}
