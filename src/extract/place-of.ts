import type { Lexicon } from "../lexicon/load";
import type { RegionMention } from "./region-mentions";
import type { Span } from "./sentences";

/**
 * The place a number is about: the nearest place named before it in its clause, else the
 * nearest after it in its clause, else the nearest named before it in its sentence. A place
 * named later in the sentence, outside the clause, speaks of another number. Where a clause
 * names a city and its province ("... di NTT ada delapan ribuan ... di Kota Kupang"), the
 * city is the narrower answer and the province only its setting.
 */
export function placeOf(
  mentions: readonly RegionMention[],
  where: { at: number; end: number; clause: Span },
  lex: Lexicon,
): RegionMention | undefined {
  const inClause = mentions.filter(
    (m) => m.start >= where.clause.start && m.end <= where.clause.end,
  );
  const parents = new Set(
    inClause.flatMap((m) => {
      const p = lex.places.get(m.region);
      return p && (p.level === "kabupaten" || p.level === "kota") && p.province ? [p.province] : [];
    }),
  );
  const local = inClause.filter((m) => !parents.has(m.region));
  return (
    local.filter((m) => m.end <= where.at).at(-1) ??
    local.find((m) => m.start >= where.end) ??
    mentions.filter((m) => m.end <= where.at).at(-1)
  );
}
