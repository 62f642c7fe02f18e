import { type Fact, measureKey } from "../facts/fact-schema";
import { formatNumber } from "../format/number";
import { comparePeriods, formatPeriod, type Period, periodWithin, yearOf } from "../format/period";
import type { Knowledge } from "../knowledge/knowledge";
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
function stated(f: Fact): Computed {
  return {
    period: f.period,
    value: f.value,
    unit: f.unit,
    how: formatNumber(f.value),
    from: [f],
    approx: false,
  };
}

/**
 * Works out a metric the articles do not state for a region from ones they do: a share from
 * its complement (100 − 79 persen), a count from a share of a total (70 persen × 273.457),
 * a share from a count and a total of the same year. Never across regions.
 */
export function compute(
  k: Knowledge,
  metricId: string,
  region: string,
  period?: Period,
): Computed[] {
  const m = k.metric(metricId);
  // The newest few figures of the asked period are enough: an answer shows the latest.
  const realised = (id: string) =>
    k.table
      .figures(id, region)
      .realised.filter(
        (g) =>
          g[0].kind === "realisasi" && g[0].sure && (!period || periodWithin(g[0].period, period)),
      )
      .slice(-NEWEST)
      .map((g) => g[0]);
  // Only sure readings go into a computation: a guess multiplied is a guess hidden.
  const totalsOf = (id: string) =>
    k.table.find(id, region).filter((f) => f.kind === "realisasi" && f.sure);
  const out: Computed[] = [];
  if (m.complement) {
    for (const f of realised(m.complement)) {
      out.push({
        ...stated(f),
        value: 100 - f.value,
        unit: "persen",
        how: `100 − ${formatNumber(f.value)} persen ${k.metric(measureKey(f)).label.replace(/^persentase /, "")}`,
      });
    }
  }
  const share = k.lexicon.metrics.find((s) => s.partOf?.count === metricId);
  if (share?.partOf) {
    const totals = totalsOf(share.partOf.total);
    const shares = [...realised(share.id).map(stated), ...compute(k, share.id, region, period)];
    for (const s of shares) {
      const article = s.from[0]?.article;
      const t =
        totals.find((t) => t.article === article) ??
        totals.find((t) => yearOf(t.period) === yearOf(s.period));
      if (!t) continue;
      out.push({
        period: later(s.period, t.period),
        value: (s.value / 100) * t.value,
        unit: m.unit,
        // A share worked out itself shows how: "(100 − 70 persen ...) × 273.457".
        how: `${s.approx || s.from[0]?.value !== s.value ? `(${s.how})` : `${formatNumber(s.value)} persen`} × ${formatNumber(t.value)} ${k.metric(measureKey(t)).label}`,
        from: [...s.from, t],
        approx: true,
      });
    }
  }
  if (m.partOf) {
    const totals = totalsOf(m.partOf.total);
    for (const c of realised(m.partOf.count)) {
      const t = totals.filter((t) => yearOf(t.period) === yearOf(c.period)).at(-1);
      // A part larger than its whole says the two were not counted alike: no share of it.
      if (!t || c.value > t.value) continue;
      out.push({
        period: later(c.period, t.period),
        value: (c.value / t.value) * 100,
        unit: "persen",
        how: `${formatNumber(c.value)} ÷ ${formatNumber(t.value)} ${k.metric(measureKey(t)).label}`,
        from: [c, t],
        approx: true,
      });
    }
  }
  if (m.remainderOf) {
    // "64,2 juta (2023) − 27 juta (4 Desember 2023)": what is left of a total, from figures of one year.
    const totals = totalsOf(m.remainderOf.total);
    for (const part of realised(m.remainderOf.part)) {
      const t = totals.filter((t) => yearOf(t.period) === yearOf(part.period)).at(-1);
      if (!t || part.value > t.value || t.unit === "persen") continue;
      out.push({ ...difference(t, part), period: later(t.period, part.period), unit: m.unit });
    }
  }
  return out.sort((a, b) => comparePeriods(a.period, b.period));
}

function later(a: Period, b: Period): Period {
  return comparePeriods(a, b) >= 0 ? a : b;
}

/** A figure minus an earlier one of the same unit: a gap to a target, a change over time. */
export function difference(later: Fact, earlier: Fact): Computed {
  return {
    period: later.period,
    value: later.value - earlier.value,
    unit: later.unit,
    how: `${valueText(later.value, later.unit)} (${formatPeriod(later.period)}) − ${valueText(earlier.value, earlier.unit)} (${formatPeriod(earlier.period)})`,
    from: [later, earlier],
    approx: false,
  };
}
