import type { MessageEntity, User } from "grammy/types";
import {
  closeEntity,
  type Draft,
  MarkupError,
  type OpenTag,
  sortEntities,
} from "./html-entities.js";
import { decodeReference, describeBadReference, type Reference } from "./html-references.js";

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

const TAGS = new Set(
  "a b strong i em s strike del u ins tg-spoiler tg-emoji span pre code blockquote".split(" "),
);

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const EQUALS = 0x3d;

// tdlib reads a NUL-terminated string and its is_space() is true for NUL, which is what stops
// every scan at the end of the text; `byteAt` reads past the end as NUL to keep the same loops.
const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const byteAt = (src: Buffer, i: number) => src[i] ?? 0;
const utf8 = (code: number) => Buffer.from(String.fromCodePoint(code), "utf8");

/** Decodes the reference at a byte offset, or throws. */
type Decode = (i: number) => Reference;

/** A port of tdlib's parse_html: same accepted markup, entity offsets and error messages. */
export function parseHtml(html: string, userById: (id: number) => User): FormattedText {
  const src = Buffer.from(html, "utf8");
  const out: number[] = [];
  const drafts: Draft[] = [];
  const open: OpenTag[] = [];
  let utf16 = 0;
  let decodedSurrogate = false;

  const decode: Decode = (i) => {
    const ref = decodeReference(src, i);
    if (ref === undefined) throw new MarkupError(describeBadReference(src, i));
    decodedSurrogate ||= ref.code >= 0xd800 && ref.code <= 0xdfff;
    return ref;
  };

  for (let i = 0; i < src.length; i++) {
    const c = byteAt(src, i);
    if (c === AMP) {
      const ref = decode(i);
      utf16 += ref.code > 0xffff ? 2 : 1;
      out.push(...utf8(ref.code));
      i = ref.end - 1;
    } else if (c !== LT) {
      if ((c & 0xc0) !== 0x80) utf16 += c >= 0xf0 ? 2 : 1;
      out.push(c);
    } else if (byteAt(src, i + 1) !== SLASH) {
      const start = readStartTag(src, i, decode);
      open.push({
        tag: start.tag,
        argument: start.argument,
        offset: utf16,
        resultStart: out.length,
      });
      i = start.end;
    } else {
      const top = open.pop();
      if (top === undefined) throw new MarkupError(`Unexpected end tag at byte offset ${i}`);
      i = readEndTag(src, i, top.tag);
      if (utf16 > top.offset) {
        const content = () => Buffer.from(out.slice(top.resultStart)).toString("utf8");
        closeEntity(drafts, top, utf16 - top.offset, content, userById);
      }
    }
  }

  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    throw new MarkupError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  }
  if (decodedSurrogate) {
    throw new MarkupError(
      "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units",
    );
  }
  return {
    text: Buffer.from(out).toString("utf8"),
    entities: sortEntities(drafts.map((d) => d.entity)),
  };
}

/** Reads the start tag at `begin` up to its ">", whose offset is returned as `end`. */
function readStartTag(src: Buffer, begin: number, decode: Decode) {
  const at = (i: number) => byteAt(src, i);
  let i = begin + 1;
  while (!isSpace(at(i)) && at(i) !== GT) i++;
  if (at(i) === 0) throw new MarkupError(`Unclosed start tag at byte offset ${begin}`);
  const tag = asciiLower(src.toString("utf8", begin + 1, i));
  if (!TAGS.has(tag)) {
    throw new MarkupError(`Unsupported start tag "${tag}" at byte offset ${begin}`);
  }

  let argument = "";
  while (at(i) !== GT) {
    while (at(i) !== 0 && isSpace(at(i))) i++;
    if (at(i) === GT) break;
    const nameStart = i;
    // tdlib stops attribute names only at spaces and "="; stopping at ">" as well is what lets
    // the value-less <blockquote expandable> through, as Telegram does.
    while (!isSpace(at(i)) && at(i) !== EQUALS && at(i) !== GT) i++;
    const name = src.toString("utf8", nameStart, i);
    if (name === "") {
      throw new MarkupError(`Empty attribute name in the tag "${tag}" at byte offset ${begin}`);
    }
    while (at(i) !== 0 && isSpace(at(i))) i++;
    if (at(i) !== EQUALS) {
      if (tag === "blockquote" && name === "expandable") {
        argument = "1";
        continue;
      }
      throw new MarkupError(
        `Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${begin}`,
      );
    }
    i++;
    while (at(i) !== 0 && isSpace(at(i))) i++;
    if (at(i) === 0) {
      throw new MarkupError(`Unclosed start tag "${tag}" at byte offset ${begin}`);
    }
    const attribute = readAttributeValue(src, i, decode);
    i = attribute.end;
    if (at(i) === 0) throw new MarkupError(`Unclosed start tag at byte offset ${begin}`);
    argument = tagArgument(tag, name, attribute.value) ?? argument;
  }
  if (tag === "span" && argument !== "spoiler") {
    throw new MarkupError(`Tag "span" must have class "tg-spoiler" at byte offset ${begin}`);
  }
  return { tag, argument, end: i };
}

/** A quoted string with its references decoded, or a bare name token, lowercased. */
function readAttributeValue(src: Buffer, start: number, decode: Decode) {
  const at = (i: number) => byteAt(src, i);
  const quote = at(start);
  let i = start;
  if (quote !== 0x22 && quote !== 0x27) {
    while (isAlpha(at(i)) || isDigit(at(i)) || at(i) === 0x2e || at(i) === 0x2d) i++;
    if (!isSpace(at(i)) && at(i) !== GT) {
      throw new MarkupError(`Unexpected end of name token at byte offset ${start}`);
    }
    return { value: asciiLower(src.toString("utf8", start, i)), end: i };
  }
  const bytes: number[] = [];
  i++;
  while (at(i) !== quote && at(i) !== 0) {
    if (at(i) === AMP) {
      const ref = decode(i);
      bytes.push(...utf8(ref.code));
      i = ref.end;
    } else {
      bytes.push(at(i++));
    }
  }
  if (at(i) === quote) i++;
  return { value: Buffer.from(bytes).toString("utf8"), end: i };
}

/** The attributes Telegram reads; all others are accepted and ignored. */
function tagArgument(tag: string, name: string, value: string): string | undefined {
  if ((tag === "a" && name === "href") || (tag === "tg-emoji" && name === "emoji-id")) return value;
  if (tag === "code" && name === "class" && value.startsWith("language-")) {
    return value.slice("language-".length);
  }
  if (tag === "span" && name === "class" && value.startsWith("tg-"))
    return value.slice("tg-".length);
  if (tag === "blockquote" && name === "expandable") return "1";
  return undefined;
}

/** Reads the end tag at `begin` for the innermost open tag and returns the offset of its ">". */
function readEndTag(src: Buffer, begin: number, openTag: string): number {
  const at = (i: number) => byteAt(src, i);
  let i = begin + 2;
  while (!isSpace(at(i)) && at(i) !== GT) i++;
  const name = asciiLower(src.toString("utf8", begin + 2, i));
  while (isSpace(at(i)) && at(i) !== 0) i++;
  if (at(i) !== GT) throw new MarkupError(`Unclosed end tag at byte offset ${begin}`);
  // "</>" closes whatever is open, as in tdlib.
  if (name !== "" && name !== openTag) {
    throw new MarkupError(
      `Unmatched end tag at byte offset ${begin}, expected "</${openTag}>", found "</${name}>"`,
    );
  }
  return i;
}
