import type { Lexicon } from "../lexicon/load";
import type { Place } from "../lexicon/places";
import type { FuzzyIndex } from "./fuzzy-index";
import { allFree, findPhrases } from "./phrases";
import type { Query } from "./query";
import {
  type Entry,
  MAX_WORDS,
  namesSaid,
  type RegionNames,
  regionNamesOf,
  type Said,
} from "./region-names";

export type RegionHit = {
  /** The place at its own level: a province, "kota_kupang", "kabupaten_sikka", a group. */
  region: string;
  /** The words as matched: "bandung", "jawa brat". */
  words: string;
  fuzzy: boolean;
  at: number;
  length: number;
};

export type RegionAmbiguity = { words: string; candidates: string[]; at: number };
export type RegionResult = { hits: RegionHit[]; ambiguous: RegionAmbiguity[] };

const FUZZY_BUDGET = 24;
/** Fuzzy matching is for typos in longer names; short words are too easily something else. */
const FUZZY_MIN_LENGTH = 5;
/**
 * 514 city names lie one letter from many ordinary words ("binaan" ~ Bintan): a shorter word
 * matches a city only by a dropped letter ("bandug"), the commonest typo.
 */
const FUZZY_CITY_MIN_LENGTH = 7;

export type RegionMatcher = (words: string[], taken: boolean[]) => RegionResult;

/** One question being matched: its words, those taken, and the places found so far. */
type Matching = { words: string[]; taken: boolean[] } & RegionResult;

/**
 * Finds places in a normalised question: exact aliases first (longest first), then typo
 * tolerant matches on the words left, accepted only when close enough and clearly closer
 * to one province than to any other. Words the bot knows ("sumber", "barat") never match.
 */
export function makeRegionMatcher(lex: Lexicon, vocabulary: ReadonlySet<string>): RegionMatcher {
  const names = regionNamesOf(lex, vocabulary);
  return (words, taken) => {
    const m: Matching = { words, taken, hits: [], ambiguous: [] };
    const said = namesSaid(words, names);
    // "kalimantan selatn": a name that opens longer names waits until typos of those are tried.
    matchExact(m, said, names.openings, false);
    matchTypos(m, names);
    matchExact(m, said, names.openings, true);
    matchGroups(m, names.groups);
    return { hits: m.hits.sort((a, b) => a.at - b.at), ambiguous: m.ambiguous };
  };
}

function free(m: Matching, at: number, length: number): boolean {
  return m.words.length >= at + length && allFree(m.taken, at, length);
}

function take(m: Matching, at: number, length: number): void {
  for (let k = at; k < at + length; k++) m.taken[k] = true;
}

function matchExact(m: Matching, said: Said[], openings: Set<string>, deferred: boolean): void {
  for (const { at, length, phrase, entries } of said) {
    if (!free(m, at, length) || openings.has(phrase) !== deferred) continue;
    take(m, at, length);
    // "bogor" is Kabupaten Bogor and Kota Bogor: which one the answer settles, by the data.
    if (entries.length > 1)
      m.ambiguous.push({ words: phrase, candidates: entries.map((e) => e.region), at });
    // A name in the table names at least one place.
    else
      m.hits.push({
        region: (entries[0] as Entry).region,
        words: phrase,
        fuzzy: false,
        at,
        length,
      });
  }
}

/**
 * Typo matching is bounded: a message of 4,096 characters tries at most FUZZY_BUDGET phrases,
 * from its end, where the question usually is; a phrase tried once is not tried again.
 */
function matchTypos(m: Matching, names: RegionNames): void {
  let budget = FUZZY_BUDGET;
  const tried = new Map<string, Entry | undefined>();
  const kinds = wordKinds(m.words, names);
  for (let n = 3; n >= 1; n--) {
    for (let i = m.words.length - n; i >= 0; i--) {
      if (!free(m, i, n) || !mayBeTypo(m.words, kinds, i, n, names.vocabulary)) continue;
      const phrase = n === 1 ? (m.words[i] as string) : m.words.slice(i, i + n).join(" ");
      if (!tried.has(phrase)) {
        if (budget-- <= 0) continue;
        tried.set(phrase, closest(names.fuzzy, phrase));
      }
      const best = tried.get(phrase);
      if (!best) continue;
      take(m, i, n);
      // "bandug" is a typo of a name a regency and a city share: both stay for the answer.
      const shared = names.exact.get(best.alias) ?? [];
      if (shared.length > 1)
        m.ambiguous.push({ words: phrase, candidates: shared.map((e) => e.region), at: i });
      else m.hits.push({ region: best.region, words: phrase, fuzzy: true, at: i, length: n });
    }
  }
}

type WordKinds = { digits: boolean[]; known: boolean[] };

/** What each word is, worked out once: a phrase is built only when its words may be a typo. */
function wordKinds(words: string[], names: RegionNames): WordKinds {
  return {
    digits: words.map((w) => /^\d+$/.test(w)),
    known: words.map((w) => names.notRegion.has(w) || names.groups.has(w)),
  };
}

function mayBeTypo(
  words: string[],
  kinds: WordKinds,
  i: number,
  n: number,
  vocabulary: ReadonlySet<string>,
): boolean {
  // A known word alone is never a typo of a place; inside a longer phrase ("jawa brat") it may be.
  if (n === 1 && kinds.known[i]) return false;
  let letters = 0;
  let number = false;
  let allKnown = true;
  for (let k = i; k < i + n; k++) {
    letters += (words[k] as string).length;
    number ||= kinds.digits[k] === true;
    allKnown &&= kinds.known[k] === true;
  }
  if (number || letters < FUZZY_MIN_LENGTH || allKnown) return false;
  // No place name begins or ends with one of the bot's own words ("umkm", "juta", "digital").
  return (
    n === 1 || !(vocabulary.has(words[i] as string) || vocabulary.has(words[i + n - 1] as string))
  );
}

/** Group names ("jawa", "nusa tenggara") left over once exact and typo matches are taken. */
function matchGroups(m: Matching, groups: Map<string, string[]>): void {
  for (const h of findPhrases(m.words, m.taken, groups, MAX_WORDS))
    m.ambiguous.push({
      words: m.words.slice(h.at, h.at + h.length).join(" "),
      candidates: h.value,
      at: h.at,
    });
}

/**
 * The alias within about one typo in five letters, and at least one edit nearer than any
 * other province's. People rarely mistype a first letter, and "hingga" is not "Lingga".
 */
function closest(fuzzy: FuzzyIndex<Entry>, phrase: string): Entry | undefined {
  const maxEdits = Math.max(1, Math.floor(phrase.length / 5));
  const scored = fuzzy
    .within(phrase, maxEdits)
    .filter(
      ({ item: e }) =>
        !e.city || phrase.length >= FUZZY_CITY_MIN_LENGTH || e.alias.length === phrase.length + 1,
    )
    .sort((a, b) => a.distance - b.distance);
  const best = scored[0];
  if (!best) return undefined;
  const rival = scored.find((s) => s.item.region !== best.item.region);
  return rival && rival.distance - best.distance < 1 ? undefined : best.item;
}

/**
 * The places a question asks about, from the names found in it. "kota metro lampung": a
 * province named beside one of its cities only says where the city lies.
 */
export function placesAsked(
  found: RegionResult,
  places: ReadonlyMap<string, Place>,
): Pick<Query, "regions" | "guessed" | "ambiguous"> {
  const within = new Set(
    found.hits.flatMap((h) => {
      const p = places.get(h.region);
      return p && (p.level === "kabupaten" || p.level === "kota") ? [p.province] : [];
    }),
  );
  const regions = [...new Set(found.hits.map((h) => h.region).filter((r) => !within.has(r)))];
  const ambiguous = regions.length === 0 ? found.ambiguous[0] : undefined;
  return {
    regions,
    guessed: found.hits.filter((h) => h.fuzzy).map((h) => ({ words: h.words, region: h.region })),
    ambiguous: ambiguous && { words: ambiguous.words, candidates: ambiguous.candidates },
  };
}
