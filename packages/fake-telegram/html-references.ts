// Telegram leaves unknown or unterminated references in the text as they are; the fake refuses
// them, because they mean the bot forgot to escape something it printed.
const STRICT_NOTE = " (fake-telegram is stricter than Telegram here: escape & as &amp;)";

const NAMED: Record<string, number> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22 };

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isHexDigit = (c: number) =>
  isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

export interface Reference {
  code: number;
  /** Byte offset just past the reference. */
  end: number;
}

/** tdlib's decode_html_entity, minus the leniency: the reference must end with ";". */
export function decodeReference(src: Buffer, pos: number): Reference | undefined {
  const ref = readReference(src, pos);
  return ref !== undefined && src[ref.end] === 0x3b
    ? { code: ref.code, end: ref.end + 1 }
    : undefined;
}

/** Why decodeReference refused the reference at pos. */
export function describeBadReference(src: Buffer, pos: number): string {
  let end = pos + 1;
  while (
    end < src.length &&
    end - pos < 32 &&
    /[#A-Za-z0-9]/.test(String.fromCharCode(src[end] ?? 0))
  ) {
    end++;
  }
  if (end === pos + 1) return `Unescaped "&" at byte offset ${pos}${STRICT_NOTE}`;
  if (readReference(src, pos) !== undefined && src[end] !== 0x3b) {
    return `Unterminated HTML entity "${src.toString("utf8", pos, end)}" at byte offset ${pos}${STRICT_NOTE}`;
  }
  const shown = src.toString("utf8", pos, src[end] === 0x3b ? end + 1 : end);
  return `Unsupported HTML entity "${shown}" at byte offset ${pos}${STRICT_NOTE}`;
}

/** What tdlib accepts, ";" or not: &lt; &gt; &amp; &quot; and decimal or hex code points. */
function readReference(src: Buffer, pos: number): Reference | undefined {
  const at = (i: number) => src[i] ?? 0;
  let end = pos + 1;
  let code = 0;
  if (at(end) === 0x23) {
    end++;
    if (at(end) === 0x78) {
      end++;
      while (isHexDigit(at(end)))
        code = code * 16 + Number.parseInt(String.fromCharCode(at(end++)), 16);
    } else {
      while (isDigit(at(end))) code = code * 10 + at(end++) - 0x30;
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return undefined;
  } else {
    while (isAlpha(at(end))) end++;
    const name = src.toString("latin1", pos + 1, end);
    code = Object.hasOwn(NAMED, name) ? (NAMED[name] ?? 0) : 0;
    if (code === 0) return undefined;
  }
  return { code, end };
}
