import type { Lexicon } from "../lexicon/load";
import { foldKeepingPositions, foldWords, phrasesRegex } from "../text/fold";

export type RegionMention = { start: number; end: number; region: string };

export type RegionFinder = {
  /** Province names and national cues in a text, with positions in that text. */
  mentions(text: string): RegionMention[];
  /** The province of a dateline place, a province or city name; undefined for Jakarta. */
  ofPlace(place: string): string | undefined;
};

export function makeRegionFinder(lex: Lexicon): RegionFinder {
  const ignored = new Set(Object.keys(lex.extraction.ignoredRegionAliases));
  const regionOf = new Map<string, string>();
  for (const p of lex.regions.provinces)
    for (const a of p.aliases) if (!ignored.has(a)) regionOf.set(a, p.id);
  for (const cue of lex.extraction.nationalCues) regionOf.set(cue, "nasional");
  const re = phrasesRegex(regionOf.keys());

  const placeOf = new Map(regionOf);
  for (const c of lex.cities)
    for (const a of c.aliases) if (!ignored.has(a)) placeOf.set(a, c.province);

  return {
    mentions(text) {
      const folded = foldKeepingPositions(text);
      return [...folded.matchAll(re)].map((m) => ({
        start: m.index ?? 0,
        end: (m.index ?? 0) + m[0].length,
        region: regionOf.get(m[0].replace(/\s+/g, " ")) ?? "nasional",
      }));
    },
    ofPlace(place) {
      const words = foldWords(place);
      return placeOf.get(words) ?? placeOf.get(words.replace(/ /g, ""));
    },
  };
}
