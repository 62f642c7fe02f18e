import { type Fact, measureKey } from "../facts/fact-schema";
import { formatNumber } from "../format/number";
import { comparePeriods, formatPeriod, type Period, periodWithin, yearOf } from "../format/period";
import type { Knowledge } from "../knowledge/knowledge";
import type { Metric } from "../lexicon/metric-schema";
import { valueText } from "./wording";

/** A figure the bot worked out from stated ones; always shown as such, with what it came from. */
export type Computed = {
  period: Period;
  value: number;
  unit: string;
  how: string;
  from: Fact[];
  /** A product or ratio is rounded and said as "sekitar"; a difference is exact. */
  approx: boolean;
};

const NEWEST = 3;

/** A stated realisation, as an input to a computation. */
function stated(fact: Fact): Computed {
  return {
    period: fact.period,
    value: fact.value,
    unit: fact.unit,
    how: formatNumber(fact.value),
    from: [fact],
    approx: false,
  };
}

/**
 * Works out a metric the articles do not state for a region from ones they do: a share from
 * its complement (100 − 79 persen), a count from a share of a total (70 persen × 273.457),
 * a share from a count and a total of the same year. Never across regions.
 */
export function compute(
  knowledge: Knowledge,
  metricId: string,
  region: string,
  period?: Period,
): Computed[] {
  const metric = knowledge.metric(metricId);
  const inputs = statedInputs(knowledge, region, period);
  const share = knowledge.lexicon.metrics.find((other) => other.partOf?.count === metricId);
  return [
    ...(metric.complement ? complements(knowledge, inputs.realised(metric.complement)) : []),
    ...(share?.partOf
      ? countsFromShares(
          knowledge,
          metric,
          [
            ...inputs.realised(share.id).map(stated),
            ...compute(knowledge, share.id, region, period),
          ],
          inputs.totals(share.partOf.total),
        )
      : []),
    ...(metric.partOf
      ? sharesFromCounts(
          knowledge,
          inputs.realised(metric.partOf.count),
          inputs.totals(metric.partOf.total),
        )
      : []),
    ...(metric.remainderOf
      ? remainders(
          metric,
          inputs.realised(metric.remainderOf.part),
          inputs.totals(metric.remainderOf.total),
        )
      : []),
  ].sort((a, b) => comparePeriods(a.period, b.period));
}

/** The stated figures a computation may start from, in one region. */
function statedInputs(knowledge: Knowledge, region: string, period?: Period) {
  return {
    // The newest few figures of the asked period are enough: an answer shows the latest.
    realised: (metricId: string): Fact[] =>
      knowledge.table
        .figures(metricId, region)
        .realised.map((group) => group[0])
        .filter(
          (fact) =>
            fact.kind === "realisasi" &&
            fact.sure &&
            (!period || periodWithin(fact.period, period)),
        )
        .slice(-NEWEST),
    // Only sure readings go into a computation: a guess multiplied is a guess hidden.
    totals: (metricId: string): Fact[] =>
      knowledge.table
        .find(metricId, region)
        .filter((fact) => fact.kind === "realisasi" && fact.sure),
  };
}

/** "100 − 79 persen belum go digital": a share from the share of the rest. */
function complements(knowledge: Knowledge, rests: readonly Fact[]): Computed[] {
  return rests.map((rest) => ({
    ...stated(rest),
    value: 100 - rest.value,
    unit: "persen",
    how: `100 − ${formatNumber(rest.value)} persen ${labelOf(knowledge, rest).replace(/^persentase /, "")}`,
  }));
}

/** "70 persen × 273.457": a count from a share (stated or worked out) of a total. */
function countsFromShares(
  knowledge: Knowledge,
  metric: Metric,
  shares: readonly Computed[],
  totals: readonly Fact[],
): Computed[] {
  return shares.flatMap((share) => {
    const article = share.from[0]?.article;
    const total =
      totals.find((fact) => fact.article === article) ??
      totals.find((fact) => yearOf(fact.period) === yearOf(share.period));
    if (!total) return [];
    // A share worked out itself shows how: "(100 − 70 persen ...) × 273.457".
    const shareText =
      share.approx || share.from[0]?.value !== share.value
        ? `(${share.how})`
        : `${formatNumber(share.value)} persen`;
    return [
      {
        period: later(share.period, total.period),
        value: (share.value / 100) * total.value,
        unit: metric.unit,
        how: `${shareText} × ${formatNumber(total.value)} ${labelOf(knowledge, total)}`,
        from: [...share.from, total],
        approx: true,
      },
    ];
  });
}

/** "326.505 ÷ 4,6 juta": a share from a count and the total of its year. */
function sharesFromCounts(
  knowledge: Knowledge,
  counts: readonly Fact[],
  totals: readonly Fact[],
): Computed[] {
  return counts.flatMap((count) => {
    const total = lastOfYear(totals, count.period);
    // A part larger than its whole says the two were not counted alike: no share of it.
    if (!total || count.value > total.value) return [];
    return [
      {
        period: later(count.period, total.period),
        value: (count.value / total.value) * 100,
        unit: "persen",
        how: `${formatNumber(count.value)} ÷ ${formatNumber(total.value)} ${labelOf(knowledge, total)}`,
        from: [count, total],
        approx: true,
      },
    ];
  });
}

/** "64,2 juta (2023) − 27 juta (4 Desember 2023)": what is left of a total, from figures of one year. */
function remainders(metric: Metric, parts: readonly Fact[], totals: readonly Fact[]): Computed[] {
  return parts.flatMap((part) => {
    const total = lastOfYear(totals, part.period);
    if (!total || part.value > total.value || total.unit === "persen") return [];
    return [
      { ...difference(total, part), period: later(total.period, part.period), unit: metric.unit },
    ];
  });
}

function lastOfYear(facts: readonly Fact[], period: Period): Fact | undefined {
  return facts.filter((fact) => yearOf(fact.period) === yearOf(period)).at(-1);
}

function labelOf(knowledge: Knowledge, fact: Fact): string {
  return knowledge.metric(measureKey(fact)).label;
}

function later(one: Period, other: Period): Period {
  return comparePeriods(one, other) >= 0 ? one : other;
}

/** A figure minus an earlier one of the same unit: a gap to a target, a change over time. */
export function difference(newer: Fact, older: Fact): Computed {
  return {
    period: newer.period,
    value: newer.value - older.value,
    unit: newer.unit,
    how: `${valueText(newer.value, newer.unit)} (${formatPeriod(newer.period)}) − ${valueText(older.value, older.unit)} (${formatPeriod(older.period)})`,
    from: [newer, older],
    approx: false,
  };
}
