import type { Lexicon } from "../lexicon/load";
import { COMMON_WORDS } from "./common-words";
import { FuzzyIndex } from "./fuzzy-index";

export type Entry = { alias: string; region: string; city: boolean };

/** Place names are looked up to this many words. */
export const MAX_WORDS = 4;

/** The lexicon's place names, as the matcher looks them up. */
export type RegionNames = {
  exact: Map<string, Entry[]>;
  /** A group's one-word name that begins longer names ("kalimantan" of "kalimantan selatan"). */
  openings: Set<string>;
  /** Every name's first words, one, two and more: a phrase grows only while it is one. */
  prefixes: Set<string>;
  /** Words never read alone as a typo of a place. */
  notRegion: Set<string>;
  groups: Map<string, string[]>;
  fuzzy: FuzzyIndex<Entry>;
  vocabulary: ReadonlySet<string>;
};

/** A name said in the question, where it stands, and the places it names. */
export type Said = { at: number; length: number; phrase: string; entries: Entry[] };

function exactNamesOf(lex: Lexicon): Map<string, Entry[]> {
  const exact = new Map<string, Entry[]>();
  const add = (alias: string, e: Entry) => {
    const entries = exact.get(alias) ?? [];
    // A province's own name ("bengkulu") is the province, not the city named after it.
    if (!e.city) exact.set(alias, [e]);
    else if (entries.every((x) => x.city)) exact.set(alias, [...entries, e]);
  };
  for (const p of lex.places.values()) {
    const city = p.level === "kabupaten" || p.level === "kota";
    for (const a of p.aliases) add(a, { alias: a, region: p.id, city });
  }
  return exact;
}

export function regionNamesOf(lex: Lexicon, vocabulary: ReadonlySet<string>): RegionNames {
  const exact = exactNamesOf(lex);
  const isGroup = (e: Entry) => lex.places.get(e.region)?.level === "kelompok";
  return {
    exact,
    openings: new Set(
      [...exact.keys()].flatMap((a) => {
        const first = a.split(" ")[0] as string;
        return a.includes(" ") && exact.get(first)?.every(isGroup) ? [first] : [];
      }),
    ),
    prefixes: new Set(
      [...exact.keys()].flatMap((a) => a.split(" ").map((_, i, w) => w.slice(0, i + 1).join(" "))),
    ),
    notRegion: new Set([...vocabulary, ...lex.regions.notRegions, ...COMMON_WORDS]),
    groups: new Map(Object.entries(lex.regions.groups)),
    fuzzy: new FuzzyIndex(
      [...exact.values()].flatMap((entries) => entries.slice(0, 1)),
      (e) => e.alias,
    ),
    vocabulary,
  };
}

/**
 * The names said: from each word that starts a name, the phrase grows word by word only while
 * it still starts one, so a long message costs a set lookup or two per word. Longest first,
 * then in text order.
 */
export function namesSaid(words: string[], names: RegionNames): Said[] {
  const said: Said[] = [];
  for (let i = 0; i < words.length; i++) {
    let phrase = words[i] as string;
    for (let n = 1; n <= MAX_WORDS && i + n <= words.length; n++) {
      if (n > 1) phrase = `${phrase} ${words[i + n - 1]}`;
      if (!names.prefixes.has(phrase)) break;
      const entries = names.exact.get(phrase);
      if (entries) said.push({ at: i, length: n, phrase, entries });
    }
  }
  return said.sort((a, b) => b.length - a.length || a.at - b.at);
}
