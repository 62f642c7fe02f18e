import { type Period, periodRange, periodWithin } from "../format/period";
import type { FigureGroup } from "../knowledge/fact-table";

/** In figures sorted by period, the index of the first whose period ends on or after `day`. */
function firstEndingFrom(sorted: readonly FigureGroup[], day: string): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (periodRange((sorted[mid] as FigureGroup)[0].period).end < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Figures from `period` on: a binary search, since a region may hold thousands. */
export function firstNotBefore(sorted: readonly FigureGroup[], period: Period): number {
  return firstEndingFrom(sorted, periodRange(period).end);
}

/** Figures whose period lies within `period` ("2023-06" within "2023"), found by binary search. */
export function inPeriod(sorted: readonly FigureGroup[], period: Period): FigureGroup[] {
  const { start, end } = periodRange(period);
  const from = firstEndingFrom(sorted, start);
  const to = firstEndingFrom(sorted, `${end}~`);
  const candidates = sorted.slice(from, to);
  // A figure that ends within a year began in it; within a month or quarter it may not have.
  return /^\d{4}$/.test(period)
    ? candidates
    : candidates.filter((group) => periodWithin(group[0].period, period));
}
