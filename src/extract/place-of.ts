import type { RegionMention } from "./region-mentions";
import type { Span } from "./sentences";

/**
 * The place a number is about: the nearest place named before it in its clause, else the
 * nearest after it in its clause, else the nearest named before it in its sentence. A place
 * named later in the sentence, outside the clause, speaks of another number.
 */
export function placeOf(
  mentions: readonly RegionMention[],
  where: { at: number; end: number; clause: Span },
): RegionMention | undefined {
  const inClause = mentions.filter(
    (m) => m.start >= where.clause.start && m.end <= where.clause.end,
  );
  return (
    inClause.filter((m) => m.end <= where.at).at(-1) ??
    inClause.find((m) => m.start >= where.end) ??
    mentions.filter((m) => m.end <= where.at).at(-1)
  );
}
