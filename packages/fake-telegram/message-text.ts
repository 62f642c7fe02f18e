import type { MessageEntity, User } from "grammy/types";
import { badRequest } from "./errors.js";
import { MarkupError } from "./html-entities.js";
import { type FormattedText, parseHtml } from "./html-parse.js";
import { jsonParam, type Params, stringParam } from "./params.js";

type TextField = "text" | "caption" | "message_text";

const RULES = {
  text: { entities: "entities", max: 4096, tooLong: "message is too long", required: true },
  message_text: { entities: "entities", max: 4096, tooLong: "message is too long", required: true },
  caption: {
    entities: "caption_entities",
    max: 1024,
    tooLong: "message caption is too long",
    required: false,
  },
} as const;

/**
 * The text or caption of a message as Telegram stores it: parsed per parse_mode (or taken with
 * explicit entities), trimmed, then checked against the limits, which count characters after
 * parsing.
 */
export function formatText(
  p: Params,
  field: TextField,
  userById: (id: number) => User,
): FormattedText {
  const rules = RULES[field];
  const raw = stringParam(p, field) ?? "";
  const explicit = jsonParam(p, rules.entities, `can't parse ${rules.entities} JSON object`);
  // Explicit entities win over parse_mode, as in the Bot API.
  const parsed =
    Array.isArray(explicit) && explicit.length > 0
      ? { text: raw, entities: explicit as MessageEntity[] }
      : parse(raw, stringParam(p, "parse_mode") ?? "", userById);
  const result = trim(parsed);
  if (rules.required && result.text === "") throw badRequest("message text is empty");
  // Telegram counts Unicode characters here, not the UTF-16 units that entity offsets use.
  if ([...result.text].length > rules.max) throw badRequest(rules.tooLong);
  return result;
}

function parse(raw: string, parseMode: string, userById: (id: number) => User): FormattedText {
  switch (parseMode.toLowerCase()) {
    case "":
      return { text: raw, entities: [] };
    case "html":
      try {
        return parseHtml(raw, userById);
      } catch (error) {
        if (error instanceof MarkupError)
          throw badRequest(`can't parse entities: ${error.message}`);
        throw error;
      }
    case "markdown":
    case "markdownv2":
      throw badRequest(`fake-telegram does not implement parse_mode ${parseMode}, only HTML`);
    default:
      throw badRequest("unsupported parse_mode");
  }
}

/** Telegram drops leading and trailing whitespace and shortens the entities that covered it. */
function trim({ text, entities }: FormattedText): FormattedText {
  const start = text.length - text.replace(/^[ \t\r\n\v\f]+/, "").length;
  const trimmed = text.slice(start).replace(/[ \t\r\n\v\f]+$/, "");
  if (trimmed.length === text.length) return { text, entities };
  const kept = entities.flatMap((entity) => {
    const from = Math.max(0, entity.offset - start);
    const to = Math.min(trimmed.length, entity.offset - start + entity.length);
    return to > from ? [{ ...entity, offset: from, length: to - from }] : [];
  });
  return { text: trimmed, entities: kept };
}
