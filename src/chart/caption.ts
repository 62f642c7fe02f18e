import { comparePeriods, formatPeriod } from "../format/period";
import type { ChartSeries } from "./series";

/** The title, then the outlets behind the points, each with its publication date, oldest first. */
export function chartCaption(series: ChartSeries): string {
  const facts = [...series.facts].sort(
    (a, b) => comparePeriods(a.published, b.published) || comparePeriods(a.period, b.period),
  );
  const sources = [...new Set(facts.map((f) => `${f.outlet} (${formatPeriod(f.published)})`))];
  return sources.length ? `${series.title}\nSumber: ${sources.join(", ")}` : series.title;
}
