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
  /** Cue words before it in its sentence, since the last number of its kind; only a found measure's part needs them. */
  lead: () => string;
  /** Cue words of its clause, and of its sentence before it. */
  clause: string;
  before: () => string;
  /** The number's own words point back at the figure before it ("jumlahnya", "angka tersebut"). */
  pointsBack: boolean;
  /** Only "dari target" stands between it and the number before: it is that figure's target. */
  targetOfLast: boolean;
  /** Cue words just before a "yakni" that opens the number's clause: what it is the figure of. */
  apposed?: string;
  /** What the last number of the same kind in this sentence counted. */
  inherited?: MeasureChoice;
  /** What the last amount, else count, in this sentence counted: what a change after it is of. */
  counted?: MeasureChoice;
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

/** The kind of figure a rule is for: a share, money, or a count. */
export type MeasureUnit = Rule["unit"];

export function measureUnit(q: Quantity): MeasureUnit {
  return q.unit === "persen" ? "persen" : q.unit === "count" ? "count" : "uang";
}

/** "hampir 660 ribu unit", "mencapai 60.000 unit": a number that names no thing of its own. */
function generic(q: Quantity): boolean {
  return q.unit !== "count" || GENERIC_NOUNS.has(nounOf(q));
}

function nounOf(q: Quantity): string {
  return q.noun.split(/\s+/)[0] ?? "";
}

/** What makeMeasureReader compiles once from the lexicon. */
type MeasureRules = {
  rules: readonly Rule[];
  /** The plain total of the UMKM: what a share is of. */
  total: string;
  subsetCues: readonly string[];
  subset: string[];
  subsetOf: ReadonlySet<string>;
  parts: readonly string[];
  whole: ReadonlySet<string>;
  numberWords: ReadonlySet<string>;
  exclusions: ReadonlySet<string>;
  few: ReadonlySet<string>;
  businessNouns: ReadonlySet<string>;
  /** Metrics that count businesses ("unit", "UMKM"), not people, debtors or money. */
  businessMetrics: ReadonlySet<string>;
  increase: string[];
  remainder: string[];
  changeNoun: ReadonlyMap<string, string>;
  changeFillers: ReadonlySet<string>;
  complementOf: ReadonlyMap<string, string | undefined>;
  label: ReadonlyMap<string, string>;
  increaseOf: ReadonlyMap<string, string | undefined>;
  stop: ReadonlySet<string>;
  /** Place names say where, not what: "UMKM kabupaten bogor" is no measure. */
  places: ReadonlySet<string>;
  counted: ReadonlySet<string>;
};

/**
 * Chooses a number's measure from its own words first, then its clause, then the number
 * before it in the sentence ("... Rp780 miliar, atau Rp640 miliar tahun lalu"), then the
 * sentence's subject, then a sentence it refers back to (unsure). With no rule, the
 * article's own words stand as an open measure.
 */
export function makeMeasureReader(lex: Lexicon, rules: readonly Rule[]) {
  const x = lex.extraction;
  const m: MeasureRules = {
    rules,
    total: x.denominatorMetric,
    subsetCues: x.subsetCues,
    subset: pad(x.subsetCues),
    subsetOf: new Set(x.subsetMetrics),
    parts: x.partCues,
    whole: new Set(x.wholeAfterPartCues),
    numberWords: new Set(Object.keys(x.numberWords)),
    exclusions: new Set(x.partExclusions),
    few: new Set(x.fewCues),
    businessNouns: new Set(x.businessNouns),
    businessMetrics: new Set(
      lex.metrics.filter((metric) => ["unit", "UMKM"].includes(metric.unit)).map((m) => m.id),
    ),
    increase: pad(x.increaseCues),
    remainder: pad(x.remainderCues),
    changeNoun: new Map(x.changes.flatMap((c) => c.words.map((w) => [w, c.noun] as const))),
    changeFillers: new Set(x.changeFillers),
    complementOf: new Map(lex.metrics.map((metric) => [metric.id, metric.complement])),
    label: new Map(lex.metrics.map((metric) => [metric.id, metric.label])),
    increaseOf: new Map(lex.metrics.map((metric) => [metric.id, metric.increaseMetric])),
    stop: new Set(x.measureStopWords),
    places: new Set(
      [...lex.places.values()].flatMap((p) =>
        [...p.aliases, p.name.toLowerCase()].join(" ").split(" "),
      ),
    ),
    counted: new Set(x.countNouns),
  };
  return (i: MeasureInput): MeasureChoice | undefined => readMeasure(m, i);
}

function readMeasure(m: MeasureRules, i: MeasureInput): MeasureChoice | undefined {
  const unit = measureUnit(i.q);
  if (i.denominator && unit === "count") return metricChoice(m, m.total, true);
  // "40 peserta", "168 produk": a number that names its own thing counts that thing, whatever
  // else its clause is about; with no rule for the thing, the article's words name it.
  if (i.q.unit === "count" && m.counted.has(nounOf(i.q)) && !generic(i.q))
    return namedThing(m, i, unit);
  const change = asChange(m, i);
  if (change) return change;
  const found = ruleFound(m, i, unit);
  // "72.480 unit", "462.518 unit yang menyerap ... tenaga kerja": a count of businesses counts
  // businesses, whatever else its clause is about.
  const businesses = i.q.unit === "count" && m.businessNouns.has(nounOf(i.q));
  if (businesses && !(found?.metric && m.businessMetrics.has(found.metric)))
    return found?.metric === null ? found : metricChoice(m, m.total, found?.sure ?? true);
  if (!found) return openMeasure(m, i);
  return (
    asRemainder(m, i, found) ??
    asIncrease(m, i, found) ??
    asPart(m, i, found) ??
    asPartOfMeasure(m, i, found) ??
    found
  );
}

/** "26.226 tenaga kerja" is workers; "249 produk UKM" is products, not the UMKM counted. */
function namedThing(m: MeasureRules, i: MeasureInput, unit: MeasureUnit) {
  const rule = classify(` ${i.q.noun} `, m.rules, unit, [i.clause, i.before()]);
  const noun = rule && ruleChoice(m, rule);
  if (noun && noun.metric !== m.total) return asPartOfMeasure(m, i, noun) ?? noun;
  const words = openWords(m, i.nearText, i.q);
  return words ? { metric: null, measure: words, sure: true } : undefined;
}

/**
 * What the number points back at; its own words, completed from its clause ("penyaluran ...
 * UMi"); its clause; the number before it; the sentence's subject; the sentence it refers to;
 * and for a bare "unit", what the paragraph was counting.
 */
function ruleFound(m: MeasureRules, i: MeasureInput, unit: MeasureUnit) {
  // "Penyaluran Ultra Mikro (UMi) ... mencapai 4.210 debitur dengan total penyaluran sebesar
  // Rp18,23 miliar": what the sentence is about completes the number's own cue.
  const own = classify(i.near, m.rules, unit, [i.clause, i.before()]);
  const ownChoice = own && ruleChoice(m, own);
  // A reference back outweighs only the plain total: "jumlahnya ... 861 UMKM" is the count
  // before it, while "jumlah tersebut ... usaha kecil 24.909" says what it counts itself.
  return (
    (i.targetOfLast ? i.inherited : undefined) ??
    (ownChoice?.metric === m.total ? undefined : ownChoice) ??
    (i.apposed ? classified(m, i.apposed, unit) : undefined) ??
    pointedBack(m, i, unit) ??
    ownChoice ??
    classified(m, i.clause, unit) ??
    classified(m, i.near, unit, [i.prior()]) ??
    i.inherited ??
    classified(m, i.before(), unit) ??
    (i.previous ? classified(m, i.previous, unit) : undefined) ??
    (generic(i.q) && i.carried
      ? { ...i.carried, sure: i.carried.sure && nounOf(i.q) !== "" }
      : undefined)
  );
}

/**
 * "Angka tersebut bertambah sebanyak 14,8 juta", "jumlahnya melonjak menjadi 861": the figure
 * pointed back at says what this one counts, before the rest of the clause does.
 */
function pointedBack(m: MeasureRules, i: MeasureInput, unit: MeasureUnit) {
  if (!i.pointsBack) return undefined;
  return i.inherited ?? i.led ?? (i.previous ? classified(m, i.previous, unit) : undefined);
}

/**
 * "jumlah UMKM ... naik sekitar 6,8 persen", "kredit UMKM tumbuh 8,2 persen yoy": a share right
 * after a word of change is how much what its clause counts changed, named with the article's
 * word; unless the clause's own share measure is a change already ("ekonomi tumbuh 5 persen").
 */
function asChange(m: MeasureRules, i: MeasureInput): MeasureChoice | undefined {
  if (i.q.unit !== "persen") return undefined;
  const before = i.lead().trim().split(" ");
  while (before.length && m.changeFillers.has(before.at(-1) ?? "")) before.pop();
  const noun = m.changeNoun.get(before.at(-1) ?? "");
  if (!noun) return undefined;
  const share = classified(m, i.clause, "persen");
  if (share?.metric && [...m.changeNoun.values()].includes(share.measure.split(" ")[0] ?? ""))
    return undefined;
  const texts = [i.clause, i.before(), ...(i.previous ? [i.previous] : [])];
  for (const text of texts)
    for (const unit of ["uang", "count"] as const) {
      const subject = classified(m, text, unit);
      if (subject)
        return { metric: null, measure: `${noun} ${subject.measure}`, sure: subject.sure };
    }
  // "Nilai transaksi QRIS ... mencapai Rp 4,2 triliun, tumbuh 168 persen": the figure before it.
  return (
    i.counted && { metric: null, measure: `${noun} ${i.counted.measure}`, sure: i.counted.sure }
  );
}

/**
 * "baru 45,2 persen yang sudah go digital, sedangkan sisanya 54,8 persen ...": the rest of a
 * share is its complement, though the words it borrowed name the share.
 */
function asRemainder(m: MeasureRules, i: MeasureInput, found: MeasureChoice) {
  const rest = found.metric ? m.complementOf.get(found.metric) : undefined;
  return rest && hasCue(i.near, m.remainder) ? metricChoice(m, rest, found.sure) : undefined;
}

/** "dan 500 ribu lagi untuk 2024", "penambahan UMKM sebanyak 21.746": an increase, not a total. */
function asIncrease(m: MeasureRules, i: MeasureInput, found: MeasureChoice) {
  const more = found.metric ? m.increaseOf.get(found.metric) : undefined;
  return more && hasCue(i.near, m.increase) ? metricChoice(m, more, found.sure) : undefined;
}

/**
 * "28.857 di antaranya", "Sektor kuliner ... 204.302 unit usaha", "pendampingan ... telah
 * menjangkau 1.250 pelaku UMKM": a part of the UMKM (or of those gone digital), not all of them.
 */
function asPart(m: MeasureRules, i: MeasureInput, found: MeasureChoice): MeasureChoice | undefined {
  if (!found.metric || !m.subsetOf.has(found.metric)) return undefined;
  const texts = [i.near, i.clause, i.before()];
  if (!texts.some((w) => hasCue(w, m.subset))) return undefined;
  const cue = m.subsetCues.find((c) => texts.some((w) => w.includes(` ${c} `)));
  const said = ["UMKM", ...(cue ?? "").split(" "), ...openWords(m, i.nearText, i.q).split(" ")];
  return { metric: null, measure: eachWordOnce(said), sure: true };
}

/**
 * "sektor pertanian ... tersalurkan KUR Rp6,75 triliun", "skema KUR kecil ... Rp59,80 miliar":
 * one part of a measure, named with its part, so it never stands for the whole.
 */
function asPartOfMeasure(m: MeasureRules, i: MeasureInput, found: MeasureChoice) {
  if (found.metric && m.subsetOf.has(found.metric)) return undefined;
  const words = i.lead().split(" ").filter(Boolean);
  const part = partNamed(m, words) ?? fewNamed(m, words);
  if (!part) return undefined;
  return {
    metric: null,
    measure: eachWordOnce([...found.measure.split(" "), ...part]),
    sure: found.sure,
  };
}

/**
 * The part cue nearest before the figure, with the words that name the part: "sektor
 * pertanian" (two words after a bare cue), "KUR mikro" (the cue names it). After the figure,
 * "... 20-25 persen karena dominasi sektor pertambangan" explains, and names no part.
 */
function partNamed(m: MeasureRules, words: readonly string[]): string[] | undefined {
  let best: { at: number; cueWords: string[] } | undefined;
  for (const cue of m.parts) {
    const cueWords = cue.split(" ");
    for (let at = words.length - cueWords.length; at > (best?.at ?? -1); at--) {
      if (!cueWords.every((c, j) => words[at + j] === c)) continue;
      // "sektor ini", "sektor mikro" name the whole again; "KUR mikro itu" is named by its cue;
      // "4 kluster", "tiga skema" count kinds, and name none.
      const counted = /^\d/.test(words[at - 1] ?? "") || m.numberWords.has(words[at - 1] ?? "");
      if (cueWords.length > 1 || !(m.whole.has(words[at + 1] ?? "") || counted))
        best = { at, cueWords };
      break;
    }
  }
  if (!best) return undefined;
  const { at, cueWords } = best;
  // "tanpa sektor pertambangan": all but the part, and said so.
  const but = m.exclusions.has(words[at - 1] ?? "") ? [words[at - 1] as string] : [];
  if (cueWords.length > 1) return [...but, ...cueWords];
  const after = words.slice(at + 1).filter((w) => namesSomething(m, w));
  return [...but, ...cueWords, ...after.slice(0, 2)];
}

/**
 * "Dari keempat perusahaan tersebut saja, total nilai ekspor mencapai US$401.412": the figure
 * of a few businesses already named, not of them all.
 */
function fewNamed(m: MeasureRules, words: readonly string[]): string[] | undefined {
  for (let at = words.length - 1; at > 0; at--) {
    // "keempat", "ketiga": these few, already named; "227 debitur" is only a count beside it.
    const count = words[at - 1] as string; // at > 0
    const these = count.startsWith("ke") && m.numberWords.has(count.slice(2));
    if (these && m.few.has(words[at] as string)) return [count, words[at] as string];
  }
  return undefined;
}

/** Each word once: "UMKM kuliner", not "UMKM kuliner umkm kuliner". */
function eachWordOnce(said: string[]): string {
  const seen = new Set<string>();
  return said.filter((w) => w && !seen.has(w.toLowerCase()) && seen.add(w.toLowerCase())).join(" ");
}

/** With no rule, the article's own words name what the number counts. */
function openMeasure(m: MeasureRules, i: MeasureInput): MeasureChoice | undefined {
  const words = openWords(m, i.nearText, i.q);
  if (!words) return undefined;
  return { metric: null, measure: words, sure: i.q.noun !== "" && m.counted.has(nounOf(i.q)) };
}

function openWords(m: MeasureRules, text: string, q: Quantity): string {
  return (
    foldWords(text)
      .split(" ")
      .filter((w) => namesSomething(m, w))
      .slice(0, MAX_OPEN_WORDS)
      .join(" ") || (m.counted.has(nounOf(q)) ? q.noun : "")
  );
}

/** A word that says what is counted: no stop word, place name or number. */
function namesSomething(m: MeasureRules, w: string): boolean {
  return w.length > 2 && !m.stop.has(w) && !m.places.has(w) && !/\d/.test(w);
}

function classified(m: MeasureRules, words: string, unit: MeasureUnit, wider?: string[]) {
  const rule = classify(words, m.rules, unit, wider);
  return rule && ruleChoice(m, rule);
}

function ruleChoice(m: MeasureRules, r: Rule): MeasureChoice {
  return "metric" in r
    ? metricChoice(m, r.metric, true)
    : { metric: null, measure: r.measure, sure: true };
}

function metricChoice(m: MeasureRules, metric: string, sure: boolean): MeasureChoice {
  return { metric, measure: m.label.get(metric) ?? metric, sure };
}
