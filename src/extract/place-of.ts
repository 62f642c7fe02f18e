import type { Lexicon } from "../lexicon/load";
import { ABROAD, type RegionMention } from "./region-mentions";
import type { Span } from "./sentences";

/**
 * The place a number is about: the nearest place named before it in its own words, else
 * after it there; then the same in its clause; then the nearest named before it in its
 * sentence; else the place of whoever said it, named after the quote ("...," kata Kepala Dinas
 * Koperasi dan UKM Kaltim). Any other place named later in the sentence, outside the clause,
 * speaks of another number. Where the words name a city and its province ("... di NTT ada delapan ribuan ...
 * di Kota Kupang"), the city is the narrower answer and the province only its setting.
 */
export function placeOf(
  mentions: readonly RegionMention[],
  where: { at: number; end: number; window: Span; clause: Span },
  lex: Lexicon,
): RegionMention | undefined {
  const nearest = (span: Span) => {
    const inside = mentions.filter((m) => m.start >= span.start && m.end <= span.end);
    const parents = new Set(
      inside.flatMap((m) => {
        const p = lex.places.get(m.region);
        return p && (p.level === "kabupaten" || p.level === "kota") && p.province
          ? [p.province]
          : [];
      }),
    );
    const local = inside.filter((m) => !parents.has(m.region));
    return local.filter((m) => m.end <= where.at).at(-1) ?? local.find((m) => m.start >= where.end);
  };
  return (
    nearest(where.window) ??
    nearest(where.clause) ??
    mentions.filter((m) => m.end <= where.at && m.region !== ABROAD).at(-1) ??
    mentions.find((m) => m.role === "speaker" && m.start >= where.end)
  );
}
