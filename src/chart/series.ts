import type { Fact } from "../facts/fact-schema";
import { formatNumber } from "../format/number";

/** One metric in one region: realisations, starting points and targets mixed, in any order. */
export type ChartSeries = { title: string; unit: string; facts: Fact[] };

/** "22,8 juta", "70 %": on a chart the sign reads faster than the word "persen". */
export function valueLabel(value: number, unit: string): string {
  return unit === "persen" ? `${formatNumber(value)} %` : formatNumber(value);
}
