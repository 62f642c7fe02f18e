import type { Quantity } from "./quantities";
import type { Span } from "./sentences";

/**
 * Between two numbers, the words before a joiner ("dan", "menjadi", ",") still speak of the
 * first and those after it of the second: "42.282 UMKM pada 2023 dan 39.924 UMKM pada 2022".
 */
const JOINER = /,|\s(?:dan|serta|atau|menjadi|dari|sedangkan|hingga|sampai)\s/giu;
/** "10,25 juta UMKM atau sekitar 16 persen ... yang terhubung": two ways of writing one figure. */
const SAME_FIGURE =
  /^\s*[\p{L}]*\s*(?:atau|setara|senilai)\s+(?:sekitar\s+|sebesar\s+|senilai\s+|sebanyak\s+)?$/iu;

export type NumberWindow = Span & {
  /** Another number that states the same figure another way: it shares this one's words. */
  same?: number;
};

/** Each number's own stretch of its clause: the words that belong to it and to no neighbour. */
export function numberWindows(
  text: string,
  quantities: readonly Quantity[],
  clauseOf: (at: number) => Span,
): NumberWindow[] {
  const cuts = quantities.map((q, i) => {
    const next = quantities[i + 1];
    if (!next) return undefined;
    const between = text.slice(q.end, next.start);
    const joins = [...between.matchAll(JOINER)];
    const first = joins[0];
    const last = joins.at(-1);
    return {
      afterEnd: first ? q.end + (first.index ?? 0) : next.start,
      nextStart: last ? q.end + (last.index ?? 0) + last[0].length : q.end,
      same: SAME_FIGURE.test(between),
    };
  });
  return quantities.map((q, i) => {
    const clause = clauseOf(q.start);
    const before = cuts[i - 1];
    const after = cuts[i];
    return {
      start: Math.max(clause.start, before?.nextStart ?? 0),
      end: Math.min(clause.end, after?.afterEnd ?? text.length),
      ...(after?.same ? { same: i + 1 } : before?.same ? { same: i - 1 } : {}),
    };
  });
}
