import type { Fact } from "../facts/fact-schema";
import type { FigureGroup } from "../facts/fact-table";
import {
  comparePeriods,
  formatPeriod,
  type Period,
  periodRange,
  periodWithin,
} from "../format/period";
import type { Block } from "./answer-type";
import { type Computed, compute, difference } from "./compute";
import type { Knowledge } from "./knowledge";
import {
  citedFacts,
  periodText,
  sourcesText,
  targetPeriodText,
  valueText,
  whereText,
} from "./wording";

export type Ask = { metric: string; region: string; period?: Period; target: boolean };

/** An answer is read on a phone: a few earlier points and targets, not every one there is. */
const MAX_EARLIER = 4;
const MAX_RIVALS = 3;
const MAX_TARGETS = 3;
const MAX_LISTED = 8;

/**
 * The answer about one metric in one region: the latest realisation first (or the period's,
 * or the target when one was asked), then earlier points in one line, then the target.
 * Nothing found: says so and names what there is, never another region's or year's figure.
 */
export function figureBlock(k: Knowledge, ask: Ask): Block {
  const { realised, targets } = k.table.figures(ask.metric, ask.region);
  const label = k.metric(ask.metric).label;
  const where = whereText(k, ask.region);
  if (ask.target) {
    // "target digitalisasi umkm jabar": the target may be set as a share rather than a count.
    const share = k.metric(ask.metric).shareMetric;
    if (targets.length === 0 && share && k.table.figures(share, ask.region).targets.length) {
      return figureBlock(k, { ...ask, metric: share });
    }
    return targetBlock(ask, targets, realised, `${label} ${where}`);
  }

  const pool = ask.period ? inPeriod(realised, ask.period) : realised;
  if (pool.length === 0) {
    const computed = realised.length === 0 ? compute(k, ask.metric, ask.region, ask.period) : [];
    if (computed.length) return computedBlock(computed, `${label} ${where}`);
    // Only targets: they are given, called targets, never as the figure reached.
    const periodTargets = ask.period
      ? inPeriod(targets, ask.period)
      : realised.length === 0
        ? targets
        : [];
    if (periodTargets.length) {
      const when = ask.period ? ` untuk ${formatPeriod(ask.period)}` : "";
      return {
        lines: [
          `Belum ada angka realisasi ${label} ${where}${when}.`,
          ...targetLines(periodTargets),
        ],
        facts: periodTargets.flatMap(citedFacts),
        computed: [],
        found: true,
      };
    }
    return {
      lines: [noData(k, ask, realised, targets, `${label} ${where}`)],
      facts: [],
      computed: [],
      found: false,
    };
  }

  const latest = (pool.at(-1) as FigureGroup)[0];
  const firstOfLatest = pool.findLastIndex((g) => g[0].period !== latest.period) + 1;
  // A starting point ("dari mulai hanya 20 persen") is said as such, after the figure reached.
  // Sources that differ on the same figure are all given, each with its source, up to a few.
  const rivals = pool.slice(firstOfLatest);
  const headline = rivals
    .slice(-MAX_RIVALS)
    .sort((a, b) => Number(a[0].kind === "awal") - Number(b[0].kind === "awal"));
  const earlier = pool.slice(Math.max(0, firstOfLatest - MAX_EARLIER), firstOfLatest).reverse();
  const upcoming = ask.period
    ? inPeriod(targets, ask.period)
    : targets.slice(firstNotBefore(targets, latest.period));
  const shownTargets = upcoming.slice(-MAX_TARGETS);
  const lines = headline.map(
    (g) =>
      `${valueText(g[0].value, g[0].unit)}${g[0].kind === "awal" ? " (angka awal)" : ""} — ${label} ${where}, ${periodText(g[0].period)} ${sourcesText(g)}`,
  );
  if (rivals.length > headline.length) {
    lines.push(
      `(dan ${rivals.length - headline.length} angka lain untuk ${formatPeriod(latest.period)} dari sumber lain)`,
    );
  }
  if (earlier.length) {
    const points = earlier.map(
      (g) =>
        `${valueText(g[0].value, g[0].unit)} (${formatPeriod(g[0].period)}; ${sourcesText(g).slice(1, -1)})`,
    );
    lines.push(`Sebelumnya: ${points.join(" · ")}`);
  }
  lines.push(...targetLines(shownTargets));
  const facts = [...earlier.reverse(), ...headline, ...shownTargets].flatMap(citedFacts);
  return { lines, facts, computed: [], found: true, headline: latest };
}

function targetBlock(
  ask: Ask,
  targets: readonly FigureGroup[],
  realised: readonly FigureGroup[],
  what: string,
): Block {
  const shown = ask.period ? inPeriod(targets, ask.period) : targets;
  if (shown.length === 0) {
    const other = targets.length
      ? ` Target yang ada: ${capped([...new Set(targets.map((g) => formatPeriod(g[0].period)))])}.`
      : "";
    const when = ask.period ? ` untuk ${formatPeriod(ask.period)}` : "";
    return {
      lines: [`Belum ada data target ${what}${when}.${other}`],
      facts: [],
      computed: [],
      found: false,
    };
  }
  const listed = shown.slice(-MAX_TARGETS);
  const lines = listed.map(
    (g) =>
      `${valueText(g[0].value, g[0].unit)} — target ${what} (${targetPeriodText(g[0])}) ${sourcesText(g)}`,
  );
  const facts = listed.flatMap(citedFacts);
  const computed: Computed[] = [];
  const goal = (listed.at(-1) as FigureGroup)[0];
  const now = realised
    .filter((g) => comparePeriods(g[0].period, goal.period) <= 0 && g[0].unit === goal.unit)
    .at(-1)?.[0];
  if (now && goal.period !== goal.published) {
    lines.push(
      `Realisasi terakhir: ${valueText(now.value, now.unit)}, ${periodText(now.period)} ${sourcesText([now])}`,
    );
    // The gap is dated by the realisation it is measured from, and is written as a positive figure.
    const short = now.value < goal.value;
    const gap = { ...(short ? difference(goal, now) : difference(now, goal)), period: now.period };
    lines.push(
      short
        ? `Kurang ${valueText(gap.value, gap.unit)} lagi dari target (dihitung: ${gap.how}).`
        : `Target terlampaui, lebih ${valueText(gap.value, gap.unit)} (dihitung: ${gap.how}).`,
    );
    facts.push(now);
    computed.push(gap);
  }
  return { lines, facts, computed, found: true };
}

function computedBlock(computed: Computed[], what: string): Block {
  const c = computed.at(-1) as Computed;
  const sources = sourcesText(c.from).slice(1, -1);
  return {
    lines: [
      `${valueText(c.value, c.unit, c.approx)} — ${what}, ${periodText(c.period)} (dihitung: ${c.how}; ${sources})`,
    ],
    facts: c.from,
    computed: [c],
    found: true,
  };
}

function targetLines(targets: readonly FigureGroup[]): string[] {
  if (!targets.length) return [];
  const when = (t: Fact) =>
    t.period === t.published ? `(${targetPeriodText(t)})` : `untuk ${targetPeriodText(t)}`;
  return [
    `Target: ${targets.map((g) => `${valueText(g[0].value, g[0].unit)} ${when(g[0])} ${sourcesText(g)}`).join(" · ")}`,
  ];
}

/** What there is instead: the periods this region has, or the regions this metric has. */
function noData(
  k: Knowledge,
  ask: Ask,
  realised: readonly FigureGroup[],
  targets: readonly FigureGroup[],
  what: string,
): string {
  const asked = `Belum ada data ${what}${ask.period ? ` untuk ${formatPeriod(ask.period)}` : ""}.`;
  if (realised.length || targets.length) {
    const have = realised.length ? realised : targets;
    const periods = [...new Set(have.map((g) => g[0].period))].reverse().map(formatPeriod);
    return `${asked} Yang ada${realised.length ? "" : " hanya target"}: ${capped(periods)}.`;
  }
  const label = k.metric(ask.metric).label;
  const regions = k.table.regionsWith(ask.metric).map((r) => k.regionName(r));
  if (regions.length) return `${asked} Data ${label} ada untuk: ${capped(regions)}.`;
  const metrics = k.table.metricsIn(ask.region).map((m) => k.metric(m).label);
  return metrics.length
    ? `${asked} Untuk ${k.regionName(ask.region)} ada: ${metrics.join(", ")}.`
    : asked;
}

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
function firstNotBefore(sorted: readonly FigureGroup[], period: Period): number {
  return firstEndingFrom(sorted, periodRange(period).end);
}

/** Figures whose period lies within `period` ("2023-06" within "2023"), found by binary search. */
function inPeriod(sorted: readonly FigureGroup[], period: Period): FigureGroup[] {
  const { start, end } = periodRange(period);
  const from = firstEndingFrom(sorted, start);
  const to = firstEndingFrom(sorted, `${end}~`);
  const candidates = sorted.slice(from, to);
  // A figure that ends within a year began in it; within a month or quarter it may not have.
  return /^\d{4}$/.test(period)
    ? candidates
    : candidates.filter((g) => periodWithin(g[0].period, period));
}

/** "2023, 2022, 2021 dan 5 lainnya" */
export function capped(items: readonly string[], max = MAX_LISTED): string {
  return items.length > max
    ? `${items.slice(0, max).join(", ")} dan ${items.length - max} lainnya`
    : items.join(", ");
}
