import type { Lexicon } from "../lexicon/load";
import { COMMON_WORDS } from "./common-words";
import { FuzzyIndex } from "./fuzzy-index";
import { allFree, findPhrases } from "./phrases";

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

type Entry = { alias: string; region: string; city: boolean };

const MAX_WORDS = 4;
const FUZZY_BUDGET = 24;
/** Fuzzy matching is for typos in longer names; short words are too easily something else. */
const FUZZY_MIN_LENGTH = 5;
/**
 * 514 city names lie one letter from many ordinary words ("binaan" ~ Bintan): a shorter word
 * matches a city only by a dropped letter ("bandug"), the commonest typo.
 */
const FUZZY_CITY_MIN_LENGTH = 7;

export type RegionMatcher = (words: string[], taken: boolean[]) => RegionResult;

/**
 * Finds places in a normalised question: exact aliases first (longest first), then typo
 * tolerant matches on the words left, accepted only when close enough and clearly closer
 * to one province than to any other. Words the bot knows ("sumber", "barat") never match.
 */
export function makeRegionMatcher(lex: Lexicon, vocabulary: ReadonlySet<string>): RegionMatcher {
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
  const groups = new Map(Object.entries(lex.regions.groups));
  // A group's one-word name that begins longer names ("kalimantan" of "kalimantan selatan").
  const openings = new Set(
    [...exact.keys()].flatMap((a) => {
      const first = a.split(" ")[0] as string;
      const group = exact.get(first)?.every((e) => lex.places.get(e.region)?.level === "kelompok");
      return a.includes(" ") && group ? [first] : [];
    }),
  );
  const prefixes = new Set(
    [...exact.keys()].flatMap((a) => a.split(" ").map((_, i, w) => w.slice(0, i + 1).join(" "))),
  );
  const notRegion = new Set([...vocabulary, ...lex.regions.notRegions, ...COMMON_WORDS]);
  const fuzzy = new FuzzyIndex(
    [...exact.values()].flatMap((entries) => entries.slice(0, 1)),
    (e) => e.alias,
  );

  return (words, taken) => {
    const hits: RegionHit[] = [];
    const ambiguous: RegionAmbiguity[] = [];
    const take = (at: number, length: number) => {
      for (let k = at; k < at + length; k++) taken[k] = true;
    };
    const free = (at: number, length: number) =>
      words.length >= at + length && allFree(taken, at, length);
    // The names said, as (start, length) pairs: from each word that starts a name, the phrase
    // grows word by word only while it still starts one, so a long message costs a set lookup
    // or two per word. Matched longest first, then in text order, as before.
    const said: [number, number][] = [];
    for (let i = 0; i < words.length; i++) {
      let phrase = words[i] as string;
      for (let n = 1; n <= MAX_WORDS && i + n <= words.length; n++) {
        if (n > 1) phrase = `${phrase} ${words[i + n - 1]}`;
        if (!prefixes.has(phrase)) break;
        if (exact.has(phrase)) said.push([i, n]);
      }
    }
    said.sort((a, b) => b[1] - a[1] || a[0] - b[0]);

    const matchExact = (deferred: boolean) => {
      for (const [i, n] of said) {
        const phrase = words.slice(i, i + n).join(" ");
        const entries = exact.get(phrase) as Entry[];
        if (!free(i, n) || openings.has(phrase) !== deferred) continue;
        take(i, n);
        // "bogor" is Kabupaten Bogor and Kota Bogor: which one the answer settles, by the data.
        if (entries.length > 1)
          ambiguous.push({ words: phrase, candidates: entries.map((e) => e.region), at: i });
        else
          hits.push({
            region: (entries[0] as Entry).region,
            words: phrase,
            fuzzy: false,
            at: i,
            length: n,
          });
      }
    };
    // "kalimantan selatn": a name that opens longer names waits until typos of those are tried.
    matchExact(false);
    // Typo matching is bounded: a message of 4,096 characters tries at most FUZZY_BUDGET
    // phrases, from its end, where the question usually is; a phrase tried once is not tried again.
    let budget = FUZZY_BUDGET;
    const tried = new Map<string, Entry | undefined>();
    // What each word is, worked out once: a phrase is built only when its words may be a typo.
    const digits = words.map((w) => /^\d+$/.test(w));
    const known = words.map((w) => notRegion.has(w) || groups.has(w));
    for (let n = 3; n >= 1; n--) {
      for (let i = words.length - n; i >= 0; i--) {
        if (!free(i, n)) continue;
        // A known word alone is never a typo of a place; inside a longer phrase ("jawa brat") it may be.
        if (n === 1 && known[i]) continue;
        let letters = 0;
        let number = false;
        let allKnown = true;
        for (let k = i; k < i + n; k++) {
          letters += (words[k] as string).length;
          number ||= digits[k] as boolean;
          allKnown &&= known[k] as boolean;
        }
        if (number || letters < FUZZY_MIN_LENGTH || allKnown) continue;
        // No place name begins or ends with one of the bot's own words ("umkm", "juta", "digital").
        if (
          n > 1 &&
          (vocabulary.has(words[i] as string) || vocabulary.has(words[i + n - 1] as string))
        )
          continue;
        const phrase = n === 1 ? (words[i] as string) : words.slice(i, i + n).join(" ");
        if (!tried.has(phrase)) {
          if (budget-- <= 0) continue;
          tried.set(phrase, closest(fuzzy, phrase));
        }
        const best = tried.get(phrase);
        if (!best) continue;
        take(i, n);
        // "bandug" is a typo of a name a regency and a city share: both stay for the answer.
        const shared = exact.get(best.alias) ?? [];
        if (shared.length > 1)
          ambiguous.push({ words: phrase, candidates: shared.map((e) => e.region), at: i });
        else hits.push({ region: best.region, words: phrase, fuzzy: true, at: i, length: n });
      }
    }
    matchExact(true);
    // Group names ("jawa", "nusa tenggara") left over once exact and typo matches are taken.
    for (const h of findPhrases(words, taken, groups, MAX_WORDS))
      ambiguous.push({
        words: words.slice(h.at, h.at + h.length).join(" "),
        candidates: h.value,
        at: h.at,
      });
    return { hits: hits.sort((a, b) => a.at - b.at), ambiguous };
  };
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
