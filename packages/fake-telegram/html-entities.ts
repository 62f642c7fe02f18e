import type { MessageEntity, User } from "grammy/types";

/** Rejected markup; the message is Telegram's, without the "can't parse entities: " prefix. */
export class MarkupError extends Error {}

export interface OpenTag {
  tag: string;
  argument: string;
  /** Where the entity starts, in UTF-16 units of the parsed text. */
  offset: number;
  /** Where its text starts, in bytes of the parsed text. */
  resultStart: number;
}

export interface Draft {
  entity: MessageEntity;
  codeLanguage?: string;
}

// Where tdlib decides which entity comes first among those sharing a span.
const PRIORITY: Record<string, number> = {
  blockquote: 0,
  expandable_blockquote: 0,
  pre: 11,
  code: 20,
  text_link: 49,
  text_mention: 49,
  bold: 90,
  italic: 91,
  underline: 92,
  strikethrough: 93,
  spoiler: 94,
  custom_emoji: 99,
};

const PLAIN: Record<string, MessageEntity.CommonMessageEntity["type"]> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  span: "spoiler",
};

/** Adds the entity a closed tag makes, as tdlib does. */
export function closeEntity(
  drafts: Draft[],
  tag: OpenTag,
  length: number,
  content: () => string,
  userById: (id: number) => User,
): void {
  const { offset, argument } = tag;
  const plain = PLAIN[tag.tag];
  if (plain !== undefined) {
    drafts.push({ entity: { type: plain, offset, length } });
  } else if (tag.tag === "blockquote") {
    const type = argument ? "expandable_blockquote" : "blockquote";
    drafts.push({ entity: { type, offset, length } });
  } else if (tag.tag === "tg-emoji") {
    if (!/^\d{1,19}$/.test(argument) || BigInt(argument) === 0n) {
      throw new MarkupError("Invalid custom emoji identifier specified");
    }
    drafts.push({ entity: { type: "custom_emoji", offset, length, custom_emoji_id: argument } });
  } else if (tag.tag === "a") {
    const url = argument || content();
    const userId = /^tg:\/\/user\?id=(\d+)$/i.exec(url)?.[1];
    const checked = checkedLink(url);
    if (userId !== undefined) {
      const user = userById(Number(userId));
      drafts.push({ entity: { type: "text_mention", offset, length, user } });
    } else if (checked !== undefined) {
      // A link Telegram can't use drops the entity rather than failing the message.
      drafts.push({ entity: { type: "text_link", offset, length, url: checked } });
    }
  } else {
    closeCode(drafts, tag, length);
  }
}

// <pre><code class="language-x"> makes one pre entity with a language, in either nesting order;
// a language on a lone <code> is dropped.
function closeCode(drafts: Draft[], tag: OpenTag, length: number): void {
  const { offset, argument } = tag;
  const last = drafts.at(-1);
  const sameSpan = last?.entity.offset === offset && last.entity.length === length;
  if (tag.tag === "pre" && last?.entity.type === "code" && sameSpan && last.codeLanguage) {
    last.entity = { type: "pre", offset, length, language: last.codeLanguage };
    last.codeLanguage = undefined;
  } else if (tag.tag === "code" && last?.entity.type === "pre" && sameSpan && argument) {
    last.entity = { type: "pre", offset, length, language: argument };
  } else if (tag.tag === "pre") {
    drafts.push({ entity: { type: "pre", offset, length } });
  } else {
    drafts.push({ entity: { type: "code", offset, length }, codeLanguage: argument || undefined });
  }
}

/** Telegram's link normalization: a bare domain becomes http://domain/, odd schemes are refused. */
function checkedLink(raw: string): string | undefined {
  const link = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(link)?.[1]?.toLowerCase();
  if (scheme !== undefined && !["http", "https", "tg", "ton"].includes(scheme)) return undefined;
  try {
    const url = new URL(scheme === undefined ? `http://${link}` : link);
    if (url.protocol.startsWith("http") && !url.hostname.includes(".")) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort(
    (a, b) =>
      a.offset - b.offset ||
      b.length - a.length ||
      (PRIORITY[a.type] ?? 50) - (PRIORITY[b.type] ?? 50),
  );
}
