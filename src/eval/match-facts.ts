import type { Fact } from "../facts/fact-schema";
import { foldWords } from "../text/fold";
import { sameNumber } from "./amount";
import type { GoldStatistic } from "./corpus-schema";
import { contentWords, GOLD_METRICS } from "./measure-words";

/** What matching reads of a fact. */
export type EvalFact = Pick<
  Fact,
  | "article"
  | "value"
  | "valueMax"
  | "quote"
  | "kind"
  | "period"
  | "regionName"
  | "metric"
  | "measure"
  | "sure"
>;

/** The words a curated metric goes by (its label and synonyms), for comparing measures. */
export type MetricWords = (metric: string) => readonly string[];

/** A field a found fact reads differently from the gold statistic. */
export type Misreading = {
  field: "kind" | "year" | "region" | "measure";
  expected: string;
  got: string;
};

export type GoldMatch<F extends EvalFact> = {
  gold: GoldStatistic;
  fact: F;
  /** Empty when the fact reads the statistic right. */
  misread: Misreading[];
};

export type FactMatching<F extends EvalFact> = {
  found: GoldMatch<F>[];
  missing: GoldStatistic[];
  /** Facts from the corpus articles that state no gold statistic. */
  extra: F[];
};

/** The fields in which a fact reads a gold statistic differently; none when it reads it right. */
export function misreadings(g: GoldStatistic, f: EvalFact, metricWords: MetricWords): Misreading[] {
  const out: Misreading[] = [];
  if (f.kind !== g.kind) out.push({ field: "kind", expected: g.kind, got: f.kind });
  const [year, factYear] = [g.period.slice(0, 4), f.period.slice(0, 4)];
  if (year !== factYear) out.push({ field: "year", expected: year, got: factYear });
  if (foldWords(g.region) !== foldWords(f.regionName))
    out.push({ field: "region", expected: g.region, got: f.regionName });
  if (!sameMeasure(g, f, metricWords))
    out.push({
      field: "measure",
      expected: g.metric ?? `"${g.measure}"`,
      got: f.metric ?? `"${f.measure}"`,
    });
  return out;
}

/**
 * A curated metric must be the same id. A measure outside the list must not be read as a
 * curated metric, and must share a content word with the fact's measure or metric names.
 */
function sameMeasure(g: GoldStatistic, f: EvalFact, metricWords: MetricWords): boolean {
  if (g.metric !== null) return f.metric === g.metric;
  if (f.metric !== null && GOLD_METRICS.has(f.metric)) return false;
  const factWords = contentWords(
    [f.measure, ...(f.metric === null ? [] : metricWords(f.metric))].join(" "),
  );
  return [...contentWords(g.measure)].some((w) => factWords.has(w));
}

function statesValue(g: GoldStatistic, f: EvalFact): boolean {
  if (f.article !== g.article || !sameNumber(f.value, g.value)) return false;
  return (
    g.value_max === undefined ||
    g.value_max === null ||
    (f.valueMax !== undefined && sameNumber(f.valueMax, g.value_max))
  );
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** The fact comes from the gold statistic's own sentence, or writes the number the same way. */
function sameSentence(g: GoldStatistic, f: EvalFact): boolean {
  const quote = squash(f.quote);
  return quote === squash(g.quote) || quote.includes(squash(g.as_written));
}

/**
 * Pairs each gold statistic with at most one fact of its article and value, each fact used
 * once. Greedy by preference: a fact from the statistic's sentence that reads it right, then
 * one from its sentence, then one that reads it right, then any, so a fact is not spent on a
 * statistic another fact states better.
 */
export function matchFacts<F extends EvalFact>(
  gold: readonly GoldStatistic[],
  facts: readonly F[],
  corpusArticles: ReadonlySet<string>,
  metricWords: MetricWords,
): FactMatching<F> {
  type Option = { fact: F; quoted: boolean; misread: Misreading[] };
  const options: Option[][] = gold.map((g) =>
    facts
      .filter((f) => statesValue(g, f))
      .map((fact) => ({
        fact,
        quoted: sameSentence(g, fact),
        misread: misreadings(g, fact, metricWords),
      })),
  );
  const preferences: ((o: Option) => boolean)[] = [
    (o) => o.quoted && o.misread.length === 0,
    (o) => o.quoted,
    (o) => o.misread.length === 0,
    () => true,
  ];
  const matched = new Map<number, GoldMatch<F>>();
  const used = new Set<F>();
  for (const prefer of preferences) {
    gold.forEach((g, i) => {
      if (matched.has(i)) return;
      const pick = options[i]?.find((o) => !used.has(o.fact) && prefer(o));
      if (!pick) return;
      used.add(pick.fact);
      matched.set(i, { gold: g, fact: pick.fact, misread: pick.misread });
    });
  }
  return {
    found: gold.flatMap((_, i) => matched.get(i) ?? []),
    missing: gold.filter((_, i) => !matched.has(i)),
    extra: facts.filter((f) => corpusArticles.has(f.article) && !used.has(f)),
  };
}
