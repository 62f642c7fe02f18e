import type { Lexicon } from "../lexicon/load";
import { foldWords } from "../text/fold";
import { classify, hasCue, pad, type Rule } from "./cues";
import type { Quantity } from "./quantities";

/** What a number counts: a curated metric, or the article's own words for it (metric null). */
export type MeasureChoice = { metric: string | null; measure: string; sure: boolean };

export type MeasureInput = {
  q: Quantity;
  /** Cue words of the number's own stretch of its clause, and that stretch as written. */
  near: string;
  nearText: string;
  /** Cue words of its clause, and of its sentence before it. */
  clause: string;
  before: () => string;
  /** The number's own words point back at the figure before it ("jumlahnya", "angka tersebut"). */
  pointsBack: boolean;
  /** What the last number of the same kind in this sentence counted. */
  inherited?: MeasureChoice;
  /** Cue words of the sentence before, when this one refers back to it ("angka tersebut"). */
  previous?: string;
  /** What the first number of the same kind in that sentence counted: "angka tersebut" points at it. */
  led?: MeasureChoice;
  /** Cue words of the sentence before: they may complete a cue the number's own words begin ("kontribusi ... PDRB"). Worked out when needed. */
  prior: () => string;
  /** What the last number of the same kind in the paragraph's sentences before counted. */
  carried?: MeasureChoice;
  /** A count right after "dari total": the total a share is of. */
  denominator: boolean;
};

const MAX_OPEN_WORDS = 5;
const GENERIC_NOUNS = new Set([
  "",
  "unit",
  "usaha",
  "orang",
  "pelaku",
  "umkm",
  "ukm",
  "umk",
  "umb",
  "ikm",
  "mikro",
  "kecil",
  "menengah",
  "wirausaha",
]);

/** "hampir 660 ribu unit", "mencapai 60.000 unit": a number that names no thing of its own. */
function generic(q: Quantity): boolean {
  return q.unit !== "count" || GENERIC_NOUNS.has(nounOf(q));
}

function nounOf(q: Quantity): string {
  return q.noun.split(/\s+/)[0] ?? "";
}

/**
 * Chooses a number's measure from its own words first, then its clause, then the number
 * before it in the sentence ("... Rp780 miliar, atau Rp640 miliar tahun lalu"), then the
 * sentence's subject, then a sentence it refers back to (unsure). With no rule, the
 * article's own words stand as an open measure.
 */
export function makeMeasureReader(lex: Lexicon, rules: readonly Rule[]) {
  const x = lex.extraction;
  const label = new Map(lex.metrics.map((m) => [m.id, m.label]));
  const subset = pad(x.subsetCues);
  const increase = pad(x.increaseCues);
  const increaseOf = new Map(lex.metrics.map((m) => [m.id, m.increaseMetric]));
  const stop = new Set(x.measureStopWords);
  // Place names say where, not what: "UMKM kabupaten bogor" is no measure.
  const places = new Set(
    [...lex.places.values()].flatMap((p) =>
      [...p.aliases, p.name.toLowerCase()].join(" ").split(" "),
    ),
  );
  const counted = new Set(x.countNouns);
  const choice = (r: Rule, sure: boolean): MeasureChoice =>
    "metric" in r
      ? { metric: r.metric, measure: label.get(r.metric) ?? r.metric, sure }
      : { metric: null, measure: r.measure, sure };
  const openWords = (text: string, q: Quantity) =>
    foldWords(text)
      .split(" ")
      .filter((w) => w.length > 2 && !stop.has(w) && !places.has(w) && !/\d/.test(w))
      .slice(0, MAX_OPEN_WORDS)
      .join(" ") || (counted.has(q.noun.split(/\s+/)[0] ?? "") ? q.noun : "");

  return (i: MeasureInput): MeasureChoice | undefined => {
    const unit = i.q.unit === "persen" ? "persen" : i.q.unit === "count" ? "count" : "uang";
    const ruleChoice = (words: string) => {
      const r = classify(words, rules, unit);
      return r ? choice(r, true) : undefined;
    };
    if (i.denominator && unit === "count")
      return choice({ metric: x.denominatorMetric, unit, cues: [] }, true);
    // "Angka tersebut bertambah sebanyak 14,8 juta", "jumlahnya melonjak menjadi 861": the figure
    // pointed back at says what this one counts, before the rest of the clause does.
    const back = i.pointsBack
      ? (i.inherited ?? i.led ?? (i.previous ? ruleChoice(i.previous) : undefined))
      : undefined;
    // "40 peserta", "168 produk": a number that names its own thing counts that thing, whatever
    // else its clause is about; with no rule for the thing, the article's words name it.
    if (i.q.unit === "count" && counted.has(nounOf(i.q)) && !generic(i.q)) {
      // "26.226 tenaga kerja" is workers; "249 produk UKM" is products, not the UMKM counted.
      const rule = classify(` ${i.q.noun} `, rules, unit, i.clause);
      const noun = rule && choice(rule, true);
      if (noun && noun.metric !== x.denominatorMetric) return noun;
      const words = openWords(i.nearText, i.q);
      return words ? { metric: null, measure: words, sure: true } : undefined;
    }
    // What the number points back at; its own words, completed from its clause ("penyaluran ...
    // UMi"); its clause; the number before it; the sentence's subject; the sentence
    // it refers to; and for a bare "unit", what the paragraph was counting.
    const own = classify(i.near, rules, unit, i.clause);
    // A reference back outweighs only the plain total: "jumlahnya ... 861 UMKM" is the count
    // before it, while "jumlah tersebut ... usaha kecil 24.909" says what it counts itself.
    const ownChoice =
      own && !("metric" in own && own.metric === x.denominatorMetric)
        ? choice(own, true)
        : undefined;
    const found =
      ownChoice ??
      back ??
      (own ? choice(own, true) : undefined) ??
      ruleChoice(i.clause) ??
      (classify(i.near, rules, unit, i.prior()) &&
        choice(classify(i.near, rules, unit, i.prior()) as Rule, true)) ??
      i.inherited ??
      ruleChoice(i.before()) ??
      (i.previous ? ruleChoice(i.previous) : undefined) ??
      (generic(i.q) && i.carried
        ? { ...i.carried, sure: i.carried.sure && nounOf(i.q) !== "" }
        : undefined);
    // "dan 500 ribu lagi untuk 2024", "penambahan UMKM sebanyak 21.746": an increase, not a total.
    const more = found?.metric ? increaseOf.get(found.metric) : undefined;
    if (found && more && hasCue(i.near, increase))
      return { metric: more, measure: label.get(more) ?? more, sure: found.sure };
    if (found) {
      // "28.857 di antaranya", "Sektor kuliner ... 204.302 unit usaha": a part of the UMKM, not all of them.
      if (
        found.metric === x.denominatorMetric &&
        [i.near, i.clause, i.before()].some((w) => hasCue(w, subset))
      ) {
        const cue = x.subsetCues.find((c) =>
          [i.near, i.clause, i.before()].some((w) => w.includes(` ${c} `)),
        );
        const said = ["UMKM", ...(cue ?? "").split(" "), ...openWords(i.nearText, i.q).split(" ")];
        // Each word once: "UMKM kuliner", not "UMKM kuliner umkm kuliner".
        const seen = new Set<string>();
        const measure = said.filter(
          (w) => w && !seen.has(w.toLowerCase()) && seen.add(w.toLowerCase()),
        );
        return { metric: null, measure: measure.join(" "), sure: true };
      }
      return found;
    }
    const words = openWords(i.nearText, i.q);
    if (!words) return undefined;
    return {
      metric: null,
      measure: words,
      sure: i.q.noun !== "" && counted.has(i.q.noun.split(/\s+/)[0] ?? ""),
    };
  };
}
