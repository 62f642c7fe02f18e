import type { Lexicon } from "../lexicon/load";
import { foldWords } from "../text/fold";

export type RegionMention = { start: number; end: number; region: string };

export type RegionFinder = {
  /** Province names and national cues in a folded text (foldKeepingPositions), with positions. */
  mentions(folded: string): RegionMention[];
  /** The province of a dateline place, a province or city name; undefined for Jakarta. */
  ofPlace(place: string): string | undefined;
};

export function makeRegionFinder(lex: Lexicon): RegionFinder {
  const ignored = new Set(Object.keys(lex.extraction.ignoredRegionAliases));
  const regionOf = new Map<string, string>();
  for (const p of lex.regions.provinces)
    for (const a of p.aliases) if (!ignored.has(a)) regionOf.set(a, p.id);
  for (const cue of lex.extraction.nationalCues) regionOf.set(cue, "nasional");
  const prefixes = new Set(
    [...regionOf.keys()].flatMap((a) => a.split(" ").map((_, i, w) => w.slice(0, i + 1).join(" "))),
  );

  const placeOf = new Map(regionOf);
  for (const c of lex.cities)
    for (const a of c.aliases) if (!ignored.has(a)) placeOf.set(a, c.province);

  return {
    // From each word that can start a name, the longest name it starts, growing the phrase
    // word by word only while it is still the start of some name. A folded text separates
    // words by single-character spaces, so splitting keeps positions.
    mentions(folded) {
      const tokens = folded.split(" ");
      const found: RegionMention[] = [];
      for (let i = 0, pos = 0; i < tokens.length; pos += (tokens[i] as string).length + 1, i++) {
        let phrase = tokens[i] as string;
        if (!prefixes.has(phrase)) continue;
        let match: { region: string; last: number; end: number } | undefined;
        for (let j = i, at = pos; ; ) {
          const region = regionOf.get(phrase);
          if (region) match = { region, last: j, end: at + (tokens[j] as string).length };
          do at += (tokens[j++] as string).length + 1;
          while (j < tokens.length && !tokens[j]);
          const next = `${phrase} ${tokens[j]}`;
          if (j >= tokens.length || !prefixes.has(next)) break;
          phrase = next;
        }
        if (!match) continue;
        found.push({ start: pos, end: match.end, region: match.region });
        for (; i < match.last; i++) pos += (tokens[i] as string).length + 1;
      }
      return found;
    },
    ofPlace(place) {
      const words = foldWords(place);
      return placeOf.get(words) ?? placeOf.get(words.replace(/ /g, ""));
    },
  };
}
