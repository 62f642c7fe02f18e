import type { Transformer } from "grammy";

/** Methods whose text the bot always writes as escaped HTML. */
const HTML_METHODS = new Set([
  "sendMessage",
  "editMessageText",
  "sendPhoto",
  "sendDocument",
  "editMessageCaption",
]);

/**
 * Every text the bot sends is HTML, escaped where it is built (html.ts): the parse mode is
 * set here once rather than at every call.
 */
export const htmlByDefault: Transformer = (prev, method, payload, signal) =>
  prev(
    method,
    HTML_METHODS.has(method) && !("parse_mode" in payload)
      ? { ...payload, parse_mode: "HTML" }
      : payload,
    signal,
  );
