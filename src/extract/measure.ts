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
  before: string;
  /** What the last number of the same kind in this sentence counted. */
  inherited?: MeasureChoice;
  /** Cue words of the sentence before, when this one refers back to it ("angka tersebut"). */
  previous?: string;
  /** A count right after "dari total": the total a share is of. */
  denominator: boolean;
};

const MAX_OPEN_WORDS = 5;

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
  const counted = new Set(x.countNouns);
  const choice = (r: Rule, sure: boolean): MeasureChoice =>
    "metric" in r
      ? { metric: r.metric, measure: label.get(r.metric) ?? r.metric, sure }
      : { metric: null, measure: r.measure, sure };
  const openWords = (text: string, q: Quantity) =>
    foldWords(text)
      .split(" ")
      .filter((w) => w.length > 2 && !stop.has(w) && !/\d/.test(w))
      .slice(0, MAX_OPEN_WORDS)
      .join(" ") || (counted.has(q.noun.split(/\s+/)[0] ?? "") ? q.noun : "");

  return (i: MeasureInput): MeasureChoice | undefined => {
    const unit = i.q.unit === "persen" ? "persen" : i.q.unit === "count" ? "count" : "uang";
    if (i.denominator && unit === "count")
      return choice({ metric: x.denominatorMetric, unit, cues: [] }, true);
    // "Angka tersebut bertambah sebanyak 14,8 juta": what the sentence refers back to comes before the rest of it.
    const own =
      classify(i.near, rules, unit) ??
      (i.previous ? classify(i.previous, rules, unit) : undefined) ??
      classify(i.clause, rules, unit);
    const fallback =
      (own ? choice(own, true) : i.inherited) ??
      (classify(i.before, rules, unit) && choice(classify(i.before, rules, unit) as Rule, true));
    // "dan 500 ribu lagi untuk 2024", "penambahan UMKM sebanyak 21.746": an increase, not a total.
    const more = fallback?.metric ? increaseOf.get(fallback.metric) : undefined;
    if (fallback && more && hasCue(i.near, increase))
      return { metric: more, measure: label.get(more) ?? more, sure: fallback.sure };
    if (fallback) {
      // "28.857 di antaranya", "5.000 pelaku UMKM membuka usaha kuliner": a part of the UMKM, not all of them.
      if (
        fallback.metric === x.denominatorMetric &&
        (hasCue(i.near, subset) || hasCue(i.clause, subset))
      ) {
        const words = openWords(i.nearText, i.q);
        return { metric: null, measure: `UMKM ${words}`.trim(), sure: true };
      }
      return fallback;
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
