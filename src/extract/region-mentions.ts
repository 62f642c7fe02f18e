import type { Lexicon } from "../lexicon/load";
import { foldWords } from "../text/fold";

/**
 * A place named in an article, at its real level. A bare name that two places share
 * ("Bogor": Kabupaten Bogor and Kota Bogor) has both as `candidates` until the article settles it.
 */
export type RegionMention = {
  start: number;
  end: number;
  region: string;
  candidates?: string[];
  /**
   * Named for who said it ("kata Kepala Dinas ... Kaltim"), where it was said ("kata Yusuf di
   * Pangkalpinang"), or only to compare ("dari angka nasional").
   */
  role?: "speaker" | "venue" | "compared";
};

/** The region of a place abroad: what is said of it is not kept. */
export const ABROAD = "luar_negeri";
const CURRENCY_WORDS = new Set(["dolar", "dollar"]);

export type RegionFinder = {
  /** Places and national cues in a folded text (foldKeepingPositions), with positions. */
  mentions(folded: string, original: string): RegionMention[];
  /** The region of a dateline place, at its level; undefined for Jakarta or an unknown place. */
  ofPlace(place: string): string | undefined;
};

export function makeRegionFinder(lex: Lexicon): RegionFinder {
  const names = indexNames(lex);
  const ranking = rankingScope(lex.extraction.rankingCues);
  const capital = new RegExp(
    `(?:^|[^a-z])(?:${lex.extraction.capitalCues.map((c) => c.replace(/ /g, "\\s+")).join("|")})\\s+(?:provinsi\\s+)?$`,
  );
  const roles = roleCues(lex);
  return {
    mentions: (folded, original) =>
      joinGroups(
        settle(
          dropCapitalOf(
            dropRankingScopes(findNames(names, folded, original), folded, ranking),
            folded,
            capital,
          ),
          lex,
        ),
        folded,
        original,
        lex,
      ).map((m) => withRole(m, original, roles)),
    ofPlace(place) {
      const words = foldWords(place);
      const ids = names.byAlias.get(words) ?? names.byAlias.get(words.replace(/ /g, ""));
      return ids?.length === 1 ? ids[0] : undefined;
    },
  };
}

/** The place names of the lexicon, looked up by their folded aliases. */
type PlaceNames = {
  /** The regions an alias may name: one, or several that share a bare name; never none. */
  byAlias: Map<string, string[]>;
  /** Aliases that are a province's or a group's: these also name places when written in lowercase. */
  always: Set<string>;
  /** Every alias's first word, first two words, and so on: a phrase worth growing. */
  prefixes: Set<string>;
};

function indexNames(lex: Lexicon): PlaceNames {
  const ignored = new Set(Object.keys(lex.extraction.ignoredRegionAliases));
  const byAlias = new Map<string, string[]>();
  const always = new Set<string>();
  for (const p of lex.places.values()) {
    if (p.level === "nasional") continue;
    for (const a of p.aliases) {
      if (ignored.has(a)) continue;
      byAlias.set(a, [...(byAlias.get(a) ?? []), p.id]);
      if (p.level === "provinsi" || p.level === "kelompok" || a.includes(" ")) always.add(a);
    }
  }
  // A province's own name wins over a city named after it ("Bengkulu", "Gorontalo").
  for (const [a, ids] of byAlias) {
    const province = ids.find((id) => lex.places.get(id)?.level === "provinsi");
    if (province) byAlias.set(a, [province]);
  }
  for (const place of lex.extraction.foreignPlaces) {
    byAlias.set(place, [ABROAD]);
  }
  for (const cue of lex.extraction.nationalCues) {
    byAlias.set(cue, ["nasional"]);
    always.add(cue);
  }
  const prefixes = new Set(
    [...byAlias.keys()].flatMap((a) => a.split(" ").map((_, i, w) => w.slice(0, i + 1).join(" "))),
  );
  return { byAlias, always, prefixes };
}

/**
 * From each word that can start a name, the longest name it starts, growing the phrase word
 * by word only while it is still the start of some name. A folded text separates words by
 * single-character spaces, so splitting keeps positions.
 */
function findNames(names: PlaceNames, folded: string, original: string): RegionMention[] {
  const { always, prefixes } = names;
  const tokens = folded.split(" ");
  const found: RegionMention[] = [];
  // Token indexes below are checked against tokens.length first.
  for (let i = 0, pos = 0; i < tokens.length; pos += (tokens[i] as string).length + 1, i++) {
    const word = tokens[i] as string;
    const glued = gluedLevel(names, word);
    if (glued) {
      found.push({ start: pos, end: pos + word.length, region: glued });
      continue;
    }
    if (!prefixes.has(word)) continue;
    const match = longestName(names, tokens, i, pos);
    // A bare city name is a proper noun: "batu", "metro" in lowercase are ordinary words.
    if (!match || (!always.has(match.alias) && !/\p{Lu}/u.test(original[pos] ?? ""))) continue;
    const { ids } = match;
    // "6,3 juta dolar AS" names a currency, not a place the figure is about.
    if (ids[0] === ABROAD && CURRENCY_WORDS.has(tokens[i - 1] ?? "")) continue;
    found.push({
      start: pos,
      end: match.end,
      region: ids[0] as string, // no alias names no region
      ...(ids.length > 1 ? { candidates: ids } : {}),
    });
    for (; i < match.last; i++) pos += (tokens[i] as string).length + 1;
  }
  return found;
}
/** "KabupatenJayapura": a level word glued to the name, as scraped pages sometimes have it. */
function gluedLevel(names: PlaceNames, word: string): string | undefined {
  if (!word.startsWith("k") || word.length <= 6 || names.prefixes.has(word)) return undefined;
  const glued = word.match(/^(kabupaten|kota)([a-z]{3,})$/);
  return glued ? names.byAlias.get(`${glued[1]} ${glued[2]}`)?.[0] : undefined;
}

/** The longest name that starts at tokens[i], the index of its last word, and where it ends. */
function longestName(names: PlaceNames, tokens: string[], i: number, pos: number) {
  let phrase = tokens[i] as string; // the caller's i < tokens.length
  let match: { alias: string; ids: string[]; last: number; end: number } | undefined;
  for (let j = i, at = pos; ; ) {
    const ids = names.byAlias.get(phrase);
    if (ids) match = { alias: phrase, ids, last: j, end: at + (tokens[j] as string).length };
    do at += (tokens[j++] as string).length + 1;
    while (j < tokens.length && !tokens[j]);
    const next = `${phrase} ${tokens[j]}`;
    if (j >= tokens.length || !names.prefixes.has(next)) break;
    phrase = next;
  }
  return match;
}

/**
 * A shared bare name means the place the article names in full ("Kota Sorong ... Sorong");
 * otherwise both lie in one province, and the mention keeps its candidates, unsettled.
 */
function settle(found: RegionMention[], lex: Lexicon): RegionMention[] {
  const named = new Set(found.filter((m) => !m.candidates).map((m) => m.region));
  return found.map((m) => {
    if (!m.candidates) return m;
    const pick = m.candidates.filter((c) => named.has(c));
    if (pick.length === 1) return { start: m.start, end: m.end, region: pick[0] as string };
    const province = lex.places.get(m.region)?.province ?? m.region;
    return { ...m, region: province };
  });
}

type RoleCues = { speaker: RegExp; compared: RegExp };

/** A speaker's title runs a few words to the place ("kata Kepala Dinas Koperasi dan UKM Kaltim"), with no stop or comma. */
function roleCues(lex: Lexicon): RoleCues {
  const any = (cues: readonly string[]) => cues.map((c) => c.replace(/[ -]/g, "[\\s-]+")).join("|");
  const x = lex.extraction;
  return {
    speaker: new RegExp(
      `(?:^|[^\\p{L}])(?:${any(x.speakerCues)})\\s+(?:[^\\s.,;:"“”]+\\s+){0,8}$`,
      "iu",
    ),
    compared: new RegExp(
      `(?:^|[^\\p{L}])(?:${any(x.comparedCues)})\\s+(?:[^\\s.,;:"“”]+\\s+){0,2}$`,
      "iu",
    ),
  };
}

function withRole(m: RegionMention, original: string, roles: RoleCues): RegionMention {
  const before = original.slice(Math.max(0, m.start - 90), m.start);
  // "kata Yusuf di Pangkalpinang, Rabu": where it was said, which speaks for no figure.
  if (roles.speaker.test(before))
    return { ...m, role: /\bdi\s+$/i.test(before) ? "venue" : "speaker" };
  if (roles.compared.test(before)) return { ...m, role: "compared" };
  return m;
}

/** "tertinggi secara nasional", "terbesar di Jawa Tengah", "terbanyak se-Indonesia". */
function rankingScope(cues: readonly string[]): RegExp {
  const words = cues.map((c) => c.replace(/ /g, "\\s+")).join("|");
  return new RegExp(`\\b(?:${words})\\s+(?:(?:secara|di|se|tingkat|skala)\\s+){1,2}$`);
}

/**
 * The place after a ranking word is where the figure ranks, not where it was counted: in
 * "Kabupaten Pati, itu terbesar di Jawa Tengah Rp1,88 triliun" the figure is Pati's.
 */
function dropRankingScopes(found: RegionMention[], folded: string, scope: RegExp) {
  return found.filter((m) => !scope.test(folded.slice(Math.max(0, m.start - 40), m.start)));
}

/** "16.874 UMKM di ibu kota Provinsi Aceh tersebut" counts the capital's, not the province's. */
function dropCapitalOf(found: RegionMention[], folded: string, capital: RegExp) {
  return found.filter((m) => !capital.test(folded.slice(Math.max(0, m.start - 20), m.start)));
}

/**
 * "di Papua Barat maupun Papua Barat Daya": provinces named together as one place are a group
 * of their own, not the last of them. "Jawa Tengah dan Jawa Timur ... masing-masing" lists two.
 * "OJK Jateng-DIY": an office's joint area is both, not the last.
 */
function joinGroups(
  found: RegionMention[],
  folded: string,
  original: string,
  lex: Lexicon,
): RegionMention[] {
  const out: RegionMention[] = [];
  for (const m of found) {
    const prev = out.at(-1);
    const between = prev ? folded.slice(prev.end, m.start) : "";
    const before = prev ? folded.slice(Math.max(0, prev.start - 4), prev.start) : "";
    const provinces = [prev?.region, m.region].every(
      (r) => r && lex.places.get(r)?.level === "provinsi",
    );
    const together =
      /^\s+maupun\s+$/.test(between) ||
      (prev !== undefined && /^[-/]$/.test(original.slice(prev.end, m.start))) ||
      (/^\s+(?:dan|serta)\s+$/.test(between) &&
        /\bdi\s+$/.test(before) &&
        !/masing/.test(folded.slice(m.end, m.end + 120)));
    if (prev && provinces && together && !prev.candidates && !m.candidates) {
      out[out.length - 1] = { start: prev.start, end: m.end, region: `${prev.region}+${m.region}` };
    } else out.push(m);
  }
  return out;
}
