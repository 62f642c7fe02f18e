import { type Fact, measureKey } from "../facts/fact-schema";
import { comparePeriods } from "../format/period";
import type { Article } from "../seeds/article";
import type { BuiltFacts, Skipped } from "./build";

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
};

/** Indexes facts by metric and region, so an answer never scans the whole table. */
export function indexFacts(built: BuiltFacts): FactTable {
  const byKey = new Map<string, Fact[]>();
  const regionsByMetric = new Map<string, Set<string>>();
  const metricsByRegion = new Map<string, Set<string>>();
  for (const f of built.facts) {
    const metric = measureKey(f);
    const key = `${metric}|${f.region}`;
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
    regionsByMetric.set(metric, (regionsByMetric.get(metric) ?? new Set()).add(f.region));
    metricsByRegion.set(f.region, (metricsByRegion.get(f.region) ?? new Set()).add(metric));
  }
  for (const list of byKey.values()) {
    list.sort(
      (a, b) => comparePeriods(a.period, b.period) || a.published.localeCompare(b.published),
    );
  }
  const articles = new Map(built.articles.map((a) => [a.id, a]));
  const figures = new Map<string, Figures>();
  return {
    facts: built.facts,
    articles: built.articles,
    skipped: built.skipped,
    find: (metric, region) => byKey.get(`${metric}|${region}`) ?? [],
    figures(metric, region) {
      const key = `${metric}|${region}`;
      let f = figures.get(key);
      if (!f) {
        f = groupFigures(byKey.get(key) ?? []);
        figures.set(key, f);
      }
      return f;
    },
    regionsWith: (metric) => [...(regionsByMetric.get(metric) ?? [])],
    metricsIn: (region) => [...(metricsByRegion.get(region) ?? [])],
    article: (id) => articles.get(id),
  };
}

function groupFigures(sorted: readonly Fact[]): Figures {
  const groups = new Map<string, [Fact, ...Fact[]]>();
  for (const f of sorted) {
    const key = `${f.period}|${f.kind}|${f.value}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  const all = [...groups.values()];
  return {
    realised: all.filter((g) => g[0].kind !== "target"),
    targets: all.filter((g) => g[0].kind === "target"),
  };
}
