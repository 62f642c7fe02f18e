import type { Fact } from "../facts/fact-schema";
import { comparePeriods, formatPeriod, type Period, periodWithin } from "../format/period";
import type { Block } from "./answer-type";
import { type Computed, compute } from "./compute";
import type { Knowledge } from "./knowledge";
import { periodText, sourcesText, targetPeriodText, valueText } from "./wording";

export type Ask = { metric: string; region: string; period?: Period; target: boolean };

const within = (period?: Period) => (f: { period: Period }) =>
  !period || periodWithin(f.period, period);

/**
 * The answer about one metric in one region: the latest realisation first (or the period's,
 * or the target when one was asked), then earlier points in one line, then the target.
 * Nothing found: says so and names what there is, never another region's or year's figure.
 */
export function figureBlock(k: Knowledge, ask: Ask): Block {
  const all = k.table.find(ask.metric, ask.region);
  const label = k.metric(ask.metric).label;
  const where = ask.region === "nasional" ? "nasional" : `di ${k.regionName(ask.region)}`;
  const targets = all.filter((f) => f.kind === "target");
  const realised = all.filter((f) => f.kind !== "target");
  if (ask.target) {
    // "target digitalisasi umkm jabar": the target may be set as a share rather than a count.
    const share = k.metric(ask.metric).shareMetric;
    const shareHasTarget =
      share && k.table.find(share, ask.region).some((f) => f.kind === "target");
    if (targets.length === 0 && share && shareHasTarget)
      return figureBlock(k, { ...ask, metric: share });
    return targetBlock(ask, targets, realised, `${label} ${where}`);
  }

  const pool = realised.filter(within(ask.period));
  if (pool.length === 0) {
    const computed =
      realised.length === 0 ? compute(k, ask.metric, ask.region).filter(within(ask.period)) : [];
    if (computed.length) return computedBlock(computed, `${label} ${where}`);
    // Only targets: they are given, called targets, never as the figure reached.
    const periodTargets =
      ask.period || realised.length === 0 ? targets.filter(within(ask.period)) : [];
    if (periodTargets.length) {
      const when = ask.period ? ` untuk ${formatPeriod(ask.period)}` : "";
      return {
        lines: [
          `Belum ada angka realisasi ${label} ${where}${when}.`,
          ...targetLines(periodTargets),
        ],
        facts: periodTargets,
        computed: [],
        found: true,
      };
    }
    return { lines: [noData(k, ask, all, label, where)], facts: [], computed: [], found: false };
  }

  const latest = pool.at(-1) as Fact;
  const headline = pool.filter((f) => f.period === latest.period);
  const earlier = distinct(pool.filter((f) => f.period !== latest.period))
    .reverse()
    .slice(0, 4);
  const shownTargets = targets.filter(
    ask.period ? within(ask.period) : (t) => comparePeriods(t.period, latest.period) >= 0,
  );
  // A starting point ("dari mulai hanya 20 persen") is said as such, after the figure reached.
  const byKind = [...headline].sort(
    (a, b) => Number(a.kind === "awal") - Number(b.kind === "awal"),
  );
  const lines = distinct(byKind).map(
    (group) =>
      `${valueText(group[0].value, group[0].unit)}${group[0].kind === "awal" ? " (angka awal)" : ""} — ${label} ${where}, ${periodText(group[0].period)} ${sourcesText(group)}`,
  );
  if (earlier.length) {
    lines.push(
      `Sebelumnya: ${earlier.map((g) => `${valueText(g[0].value, g[0].unit)} (${formatPeriod(g[0].period)}; ${sourcesText(g).slice(1, -1)})`).join(" · ")}`,
    );
  }
  lines.push(...targetLines(shownTargets));
  return { lines, facts: [...pool, ...shownTargets], computed: [], found: true, headline: latest };
}

function targetBlock(
  ask: Ask,
  targets: readonly Fact[],
  realised: readonly Fact[],
  what: string,
): Block {
  const shown = targets.filter(within(ask.period));
  if (shown.length === 0) {
    const other = targets.length
      ? ` Target yang ada: ${[...new Set(targets.map((t) => formatPeriod(t.period)))].join(", ")}.`
      : "";
    return {
      lines: [
        `Belum ada data target ${what}${ask.period ? ` untuk ${formatPeriod(ask.period)}` : ""}.${other}`,
      ],
      facts: [],
      computed: [],
      found: false,
    };
  }
  const lines = distinct(shown).map(
    (g) =>
      `${valueText(g[0].value, g[0].unit)} — target ${what} (${targetPeriodText(g[0])}) ${sourcesText(g)}`,
  );
  const facts = [...shown];
  const computed: Computed[] = [];
  const goal = shown.at(-1) as Fact;
  const now = realised
    .filter((f) => comparePeriods(f.period, goal.period) <= 0 && f.unit === goal.unit)
    .at(-1);
  if (now && goal.period !== goal.published) {
    lines.push(
      `Realisasi terakhir: ${valueText(now.value, now.unit)}, ${periodText(now.period)} ${sourcesText([now])}`,
    );
    const gap: Computed = {
      period: now.period,
      value: goal.value - now.value,
      unit: goal.unit,
      how: `${valueText(goal.value, goal.unit)} − ${valueText(now.value, now.unit)}`,
      from: [goal, now],
      approx: false,
    };
    if (gap.value > 0)
      lines.push(
        `Kurang ${valueText(gap.value, gap.unit)} lagi dari target (dihitung: ${gap.how}).`,
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

function targetLines(targets: readonly Fact[]): string[] {
  if (!targets.length) return [];
  const when = (t: Fact) =>
    t.period === t.published ? `(${targetPeriodText(t)})` : `untuk ${targetPeriodText(t)}`;
  return [
    `Target: ${distinct(targets)
      .map((g) => `${valueText(g[0].value, g[0].unit)} ${when(g[0])} ${sourcesText(g)}`)
      .join(" · ")}`,
  ];
}

/** What there is instead: the periods this region has, or the regions this metric has. */
function noData(
  k: Knowledge,
  ask: Ask,
  all: readonly Fact[],
  label: string,
  where: string,
): string {
  const asked = `Belum ada data ${label} ${where}${ask.period ? ` untuk ${formatPeriod(ask.period)}` : ""}.`;
  if (all.length) {
    const periods = [
      ...new Set(all.filter((f) => f.kind !== "target").map((f) => formatPeriod(f.period))),
    ];
    return `${asked} Yang ada: ${periods.join(", ")}.`;
  }
  const regions = k.table.regionsWith(ask.metric).map((r) => k.regionName(r));
  if (regions.length) return `${asked} Data ${label} ada untuk: ${regions.join(", ")}.`;
  const metrics = k.table.metricsIn(ask.region).map((m) => k.metric(m).label);
  return metrics.length
    ? `${asked} Untuk ${k.regionName(ask.region)} ada: ${metrics.join(", ")}.`
    : asked;
}

/** Facts grouped by what they say (period, kind, value), each group with all its sources. */
export function distinct(facts: readonly Fact[]): [Fact, ...Fact[]][] {
  const groups = new Map<string, [Fact, ...Fact[]]>();
  for (const f of facts) {
    const key = `${f.period}|${f.kind}|${f.value}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()];
}
