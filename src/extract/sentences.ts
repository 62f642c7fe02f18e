export type Span = { start: number; end: number };
export type Segment = Span & { quoted: boolean };

const ENDS_SENTENCE = /[.!?:"”)]\s*$/;
/** "- Kabupaten Malang: 487.120 unit", "2) Kota Batu ...": one item of a list, a line of its own. */
export const LIST_ITEM = /^\s*(?:[-–•*·]|\d{1,2}[.)])\s+/;

/**
 * Splits an article body into sentences, as spans of the body. A line that stops without
 * punctuation runs on into the next one (scraped articles break sentences across lines),
 * while a blank line always ends a sentence (headlines have no full stop), and so does each
 * item of a list.
 */
export function splitSentences(body: string): Span[] {
  const blocks: Span[] = [];
  let blockStart = -1;
  let offset = 0;
  const lines = body.split("\n");
  lines.forEach((line, i) => {
    const start = offset;
    offset += line.length + 1;
    if (!line.trim()) return;
    if (blockStart < 0) blockStart = start;
    const next = lines[i + 1];
    const listed = LIST_ITEM.test(line) || (next !== undefined && LIST_ITEM.test(next));
    if (next === undefined || !next.trim() || ENDS_SENTENCE.test(line) || listed) {
      blocks.push({ start: blockStart, end: start + line.length });
      blockStart = -1;
    }
  });
  return blocks.flatMap((b) => splitBlock(body, b));
}

function splitBlock(body: string, block: Span): Span[] {
  const text = body.slice(block.start, block.end);
  const spans: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(/[.!?]+["”]?(?=\s+["“]?[A-Z0-9])/g)) {
    const end = (m.index ?? 0) + m[0].length;
    spans.push({ start: block.start + from, end: block.start + end });
    from = end;
  }
  spans.push({ start: block.start + from, end: block.end });
  return spans.map((s) => trimSpan(body, s)).filter((s) => s.end > s.start);
}

function trimSpan(body: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(body[start] ?? "")) start++;
  while (end > start && /\s/.test(body[end - 1] ?? "")) end--;
  return { start, end };
}

/**
 * Splits a sentence into quoted and unquoted parts. A number said inside a quotation is
 * about what the speaker said, not about the place named in "ujarnya di ...".
 */
export function quoteSegments(body: string, s: Span): Segment[] {
  const text = body.slice(s.start, s.end);
  const marks: { at: number; opens: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "“") marks.push({ at: i, opens: true });
    else if (ch === "”") marks.push({ at: i, opens: false });
    else if (ch === '"') marks.push({ at: i, opens: i === 0 || /[\s(]/.test(text[i - 1] ?? "") });
  }
  const segments: Segment[] = [];
  let from = 0;
  let quoted = marks[0] ? !marks[0].opens : false;
  for (const mark of marks) {
    if (mark.at > from) segments.push({ start: s.start + from, end: s.start + mark.at, quoted });
    quoted = mark.opens;
    from = mark.at + 1;
  }
  if (from < text.length) segments.push({ start: s.start + from, end: s.end, quoted });
  return segments;
}
