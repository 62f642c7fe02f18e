import type { Span } from "./sentences";

/**
 * Where a clause ends: a comma or semicolon between words (not the decimal comma of
 * "1,45"), a colon, or a connective that starts a new statement ("sedangkan", "lalu").
 * "dan" is no boundary: it joins the parts of one enumeration item as often as items.
 */
const BOUNDARY =
  /[;:]|,(?!\d)|\s(?=(?:lalu|kemudian|sedangkan|sementara|serta|yakni|yaitu|disusul|terdiri atas|terdiri dari|namun|tetapi|adapun|selanjutnya|diikuti)\s)/giu;

/** The clauses of a text, as spans of it: each number is read with the words of its own clause. */
export function splitClauses(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const at = m.index ?? 0;
    spans.push({ start: from, end: at });
    from = at + m[0].length;
  }
  spans.push({ start: from, end: text.length });
  return spans.filter((s) => s.end > s.start);
}

export function spanAt(spans: readonly Span[], at: number): Span {
  return spans.find((s) => at >= s.start && at < s.end) ?? { start: 0, end: 0 };
}
