import { type Fact, measureKey } from "../facts/fact-schema";
import { comparePeriods } from "../format/period";
import type { Article } from "../seeds/article";
import type { BuiltFacts, Skipped } from "./build";
import { figureKey, listKey } from "./fact-keys";
import { runAll, type Stepped } from "./steps";

/** Facts that state the same figure: same period, kind and value, from one or more articles. */
export type FigureGroup = readonly [Fact, ...Fact[]];
export type Figures = { realised: readonly FigureGroup[]; targets: readonly FigureGroup[] };

export type FactTable = {
  facts: readonly Fact[];
  articles: readonly Article[];
  skipped: readonly Skipped[];
  /** Facts of one metric in one region, oldest period first. */
  find(metric: string, region: string): readonly Fact[];
  /**
   * The same facts as figures: each group states one figure (period, kind, value), with every
   * article that states it; oldest period first, realisations apart from targets. Built once
   * per metric and region, on first use.
   */
  figures(metric: string, region: string): Figures;
  /** Regions that have the metric, and metrics that the region has. */
  regionsWith(metric: string): string[];
  metricsIn(region: string): string[];
  article(id: string): Article | undefined;
  /** The facts whose value is one of these, in table order: found by search, not by a scan. */
  withValues(values: readonly number[]): Fact[];
  /** The articles, newest first (as published; equal dates in table order). */
  newestFirst(): readonly Article[];
  /** How many facts an article gave. */
  factCount(article: string): number;
};

/**
 * What the table files in order, worked out before (by the worker that built it): the facts
 * as each metric-and-region list holds them, the facts by value, the articles newest first.
 */
export type TableOrder = {
  facts: ArrayLike<number>;
  byValue: ArrayLike<number>;
  newest: ArrayLike<number>;
};

/** Indexes facts by metric and region, so an answer never scans the whole table. */
export function indexFacts(built: BuiltFacts): FactTable {
  return runAll(indexing(built));
}

/** How many facts indexing files between the pauses of a stepwise run. */
const STEP = 1024;

const byPeriod = (a: Fact, b: Fact) =>
  comparePeriods(a.period, b.period) || a.published.localeCompare(b.published);

/** The orders indexing needs, sorted here: for a table built in this thread (or a worker). */
export function tableOrder(built: BuiltFacts): TableOrder {
  return {
    facts: factOrder(built.facts),
    byValue: valueOrder(built.facts),
    newest: newestOrder(built.articles),
  };
}

const indices = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A stable sort by period within each metric and region. */
function factOrder(facts: readonly Fact[]): number[] {
  const keys = facts.map((f) => listKey(measureKey(f), f.region));
  // Each distinct period and date ranked once by the comparison itself: the sort then
  // compares numbers, in exactly the order byPeriod gives.
  const period = ranks(
    facts.map((f) => f.period),
    comparePeriods,
  );
  const published = ranks(
    facts.map((f) => f.published),
    (a, b) => a.localeCompare(b),
  );
  return indices(facts.length).sort((a, b) => {
    const [ka, kb] = [keys[a] as string, keys[b] as string];
    if (ka !== kb) return ka < kb ? -1 : 1;
    return (
      (period[a] as number) - (period[b] as number) ||
      (published[a] as number) - (published[b] as number) ||
      a - b
    );
  });
}

/** Each value's rank among the distinct values under `compare`; values it holds equal share one. */
function ranks(values: readonly string[], compare: (a: string, b: string) => number): number[] {
  const distinct = [...new Set(values)].sort(compare);
  const rank = new Map<string, number>();
  distinct.forEach((v, i) => {
    const before = distinct[i - 1];
    rank.set(
      v,
      before !== undefined && compare(before, v) === 0 ? (rank.get(before) as number) : i,
    );
  });
  return values.map((v) => rank.get(v) as number);
}

function valueOrder(facts: readonly Fact[]): number[] {
  return indices(facts.length).sort(
    (a, b) => (facts[a] as Fact).value - (facts[b] as Fact).value || a - b,
  );
}

function newestOrder(articles: readonly Article[]): number[] {
  return indices(articles.length).sort(
    (a, b) =>
      (articles[b] as Article).published.localeCompare((articles[a] as Article).published) || a - b,
  );
}

/**
 * indexFacts as steps (runInSteps). With `order` (as a packed table brings it, sorted by the
 * worker) nothing is sorted here; without, the lists are sorted as they are filed.
 */
export function* indexing(built: BuiltFacts, given?: TableOrder): Stepped<FactTable> {
  const { facts, articles } = built;
  const lists = yield* fileByMeasure(facts, given?.facts);
  const tally = yield* tallying(facts);
  const byValue = yield* valueSearch(facts, given?.byValue ?? valueOrder(facts));
  const newest = yield* inOrder(articles, given?.newest ?? newestOrder(articles));
  const byId = yield* articlesById(articles);
  const figures = new Map<string, Figures>();
  return {
    facts,
    articles,
    skipped: built.skipped,
    find: (metric, region) => lists.get(listKey(metric, region)) ?? [],
    figures(metric, region) {
      const key = listKey(metric, region);
      let found = figures.get(key);
      if (!found) {
        found = groupFigures(lists.get(key) ?? []);
        figures.set(key, found);
      }
      return found;
    },
    regionsWith: (metric) => [...(tally.regionsByMetric.get(metric) ?? [])],
    metricsIn: (region) => [...(tally.metricsByRegion.get(region) ?? [])],
    article: (id) => byId.get(id),
    withValues: (wanted) => byValue.find(wanted).map((i) => facts[i] as Fact),
    newestFirst: () => newest,
    factCount: (article) => tally.counts.get(article) ?? 0,
  };
}

/** Each metric-and-region list, oldest period first: filed in the given order, or sorted here. */
function* fileByMeasure(
  facts: readonly Fact[],
  order?: ArrayLike<number>,
): Stepped<Map<string, Fact[]>> {
  const lists = new Map<string, Fact[]>();
  const file = (f: Fact) => {
    const key = listKey(measureKey(f), f.region);
    const list = lists.get(key);
    if (list) list.push(f);
    else lists.set(key, [f]);
  };
  if (order) {
    for (let i = 0; i < order.length; i++) {
      file(facts[order[i] as number] as Fact);
      if (i % STEP === STEP - 1) yield;
    }
    return lists;
  }
  for (let i = 0; i < facts.length; i++) {
    file(facts[i] as Fact);
    if (i % STEP === STEP - 1) yield;
  }
  for (const list of lists.values()) {
    list.sort(byPeriod);
    yield;
  }
  return lists;
}

type Tally = {
  regionsByMetric: Map<string, Set<string>>;
  metricsByRegion: Map<string, Set<string>>;
  /** Facts per article. */
  counts: Map<string, number>;
};

function* tallying(facts: readonly Fact[]): Stepped<Tally> {
  const tally: Tally = {
    regionsByMetric: new Map(),
    metricsByRegion: new Map(),
    counts: new Map(),
  };
  const { regionsByMetric, metricsByRegion, counts } = tally;
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as Fact;
    const metric = measureKey(f);
    regionsByMetric.set(metric, (regionsByMetric.get(metric) ?? new Set()).add(f.region));
    metricsByRegion.set(f.region, (metricsByRegion.get(f.region) ?? new Set()).add(metric));
    counts.set(f.article, (counts.get(f.article) ?? 0) + 1);
    if (i % STEP === STEP - 1) yield;
  }
  return tally;
}

/** Facts by value: the values in ascending order, and where each fact stands in the table. */
function* valueSearch(
  facts: readonly Fact[],
  byValue: ArrayLike<number>,
): Stepped<{ find(wanted: readonly number[]): number[] }> {
  const values = new Float64Array(byValue.length);
  const places = Uint32Array.from(byValue);
  for (let i = 0; i < byValue.length; i++) {
    values[i] = (facts[byValue[i] as number] as Fact).value;
    if (i % STEP === STEP - 1) yield;
  }
  return {
    find(wanted) {
      const found: number[] = [];
      for (const v of new Set(wanted))
        for (let i = firstAtLeast(values, v); i < values.length && values[i] === v; i++)
          found.push(places[i] as number);
      // Table order, as a scan would give them.
      return found.sort((a, b) => a - b);
    },
  };
}

function* inOrder<T>(items: readonly T[], order: ArrayLike<number>): Stepped<T[]> {
  const ordered: T[] = [];
  for (let i = 0; i < order.length; i++) {
    ordered.push(items[order[i] as number] as T);
    if (i % STEP === STEP - 1) yield;
  }
  return ordered;
}

function* articlesById(articles: readonly Article[]): Stepped<Map<string, Article>> {
  const byId = new Map<string, Article>();
  for (let i = 0; i < articles.length; i++) {
    const article = articles[i] as Article;
    byId.set(article.id, article);
    if (i % STEP === STEP - 1) yield;
  }
  return byId;
}

/** The first index whose value is not below v, in ascending values. */
function firstAtLeast(values: Float64Array, v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function groupFigures(sorted: readonly Fact[]): Figures {
  const groups = new Map<string, [Fact, ...Fact[]]>();
  for (const f of sorted) {
    const key = figureKey(f);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const all = [...groups.values()];
  return {
    realised: all.filter((group) => group[0].kind !== "target"),
    targets: all.filter((group) => group[0].kind === "target"),
  };
}
