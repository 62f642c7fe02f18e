import { MONTHS, type Period, periodRange } from "../format/period";

const DAY_MS = 86_400_000;
const MAX_TICKS = 9;
/** Below this span the axis names months (as people read dates); above it they would crowd out the years. */
const MONTH_AXIS_DAYS = 6 * 365;
/** Steps between gridlines, in months. */
const MONTH_STEPS = [1, 2, 3, 6];
const YEAR_STEPS = [12, 24, 60, 120, 240, 600];

/** Gridlines and labels of the time axis, in days since 1970. */
export type TimeTicks = { grid: number[]; labels: { day: number; text: string }[] };

function dayOf(year: number, month: number, date = 1): number {
  return Date.UTC(year, month, date) / DAY_MS;
}

/** The first and last day of a period, in days since 1970. */
export function periodDays(p: Period): { start: number; end: number } {
  const { start, end } = periodRange(p);
  const [y, m, d] = end.split("-").map(Number) as [number, number, number];
  // periodRange ends every month on the 31st; day 0 of the next month is the real last day.
  return { start: Date.parse(start) / DAY_MS, end: Math.min(dayOf(y, m - 1, d), dayOf(y, m, 0)) };
}

/** Months are counted from year 0, so a step of 12 lands on every January. */
function monthStart(index: number): number {
  return dayOf(Math.floor(index / 12), index % 12);
}

function monthIndex(day: number): number {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Month indexes of the gridlines strictly inside the span. */
function boundaries(from: number, to: number, step: number): number[] {
  const found: number[] = [];
  for (let i = Math.ceil(monthIndex(from) / step) * step; monthStart(i) <= to; i += step) {
    if (monthStart(i) > from) found.push(i);
  }
  return found;
}

/**
 * Gridlines where months or years begin. A one-month or one-year step puts each label in the
 * middle of its month or year, under the points (at `days`) that belong to it; wider steps label
 * the lines.
 */
export function timeTicks(from: number, to: number, days: number[]): TimeTicks {
  const byYear = to - from >= MONTH_AXIS_DAYS;
  const steps = byYear ? YEAR_STEPS : MONTH_STEPS;
  const step = steps.find((s) => boundaries(from, to, s).length <= MAX_TICKS) ?? 600;
  const marks = boundaries(from, to, step);
  const grid = marks.map(monthStart);
  const full = marks.length < 6;
  const name = (i: number) => {
    const year = String(Math.floor(i / 12));
    const month = MONTHS[i % 12] ?? "";
    return byYear ? year : `${full ? month : month.slice(0, 3)} ${year}`;
  };
  if (step !== 1 && step !== 12)
    return { grid, labels: marks.map((i) => ({ day: monthStart(i), text: name(i) })) };
  const labels: TimeTicks["labels"] = [];
  for (let i = Math.floor(monthIndex(from) / step) * step; monthStart(i) < to; i += step) {
    const start = Math.max(from, monthStart(i));
    const end = Math.min(to, monthStart(i + step));
    const whole = start === monthStart(i) && end === monthStart(i + step);
    // An empty sliver at either end stays unnamed: a year label there would seem to claim the
    // target drawn at the very end of the year before.
    if (whole || days.some((d) => d >= start && d < end)) {
      labels.push({ day: (start + end) / 2, text: name(i) });
    }
  }
  return { grid, labels };
}
