import type { Fact } from "../facts/fact-schema";

/**
 * What a fact is about: its article, measure, place, time and kind. Two facts with one such
 * key say the same thing; the figure they give may differ, as between two builds.
 */
export function statementKey(
  f: Pick<Fact, "article" | "metric" | "measure" | "region" | "period" | "kind">,
): string {
  return `${f.article}|${f.metric ?? f.measure}|${f.region}|${f.period}|${f.kind}`;
}

/** Facts of one measure in one place that state one figure: the same period, kind and value. */
export function figureKey(f: Pick<Fact, "period" | "kind" | "value">): string {
  return `${f.period}|${f.kind}|${f.value}`;
}

/** Where the table files a fact: the facts of one measure (measureKey) in one region. */
export function listKey(measure: string, region: string): string {
  return `${measure}|${region}`;
}
