import type { Fact } from "../facts/fact-schema";
import { formatApprox } from "../format/number";
import {
  comparePeriods,
  formatPeriod,
  type Period,
  periodRange,
  periodWithin,
} from "../format/period";
import type { FigureGroup } from "../knowledge/fact-table";
import type { Knowledge } from "../knowledge/knowledge";
import type { Block } from "./answer-type";
import type { Ask } from "./ask";
import { type Computed, difference } from "./compute";
import { noDataLines } from "./nearby";
import { inPeriod } from "./period-search";
import {
  capped,
  citedFacts,
  factValue,
  periodText,
  sameUnit,
  sourcesText,
  targetPeriodText,
  valueText,
} from "./wording";

const MAX_TARGETS = 3;

/**
 * The target asked for, then the latest realisation before it, how far it is from the
 * target (in points for a share) and how much of it was reached, each computed and said so.
 */
export function targetBlock(
  knowledge: Knowledge,
  ask: Ask,
  targets: readonly FigureGroup[],
  realised: readonly FigureGroup[],
  what: string,
): Block {
  // "target digitalisasi umkm jabar": the target may be set as a share rather than a count.
  const share = knowledge.metric(ask.metric).shareMetric;
  if (targets.length === 0 && share) {
    const shareFigures = knowledge.table.figures(share, ask.region);
    if (shareFigures.targets.length)
      return targetBlock(
        knowledge,
        { ...ask, metric: share },
        shareFigures.targets,
        shareFigures.realised,
        what.replace(knowledge.metric(ask.metric).label, knowledge.metric(share).label),
      );
  }
  // A month's or a quarter's figure is measured against its year's target, or the one set
  // for a later point of the same year ("90.000 hingga akhir tahun ini" for June).
  const within = ask.period ? inPeriod(targets, ask.period) : targets;
  const period = ask.period;
  const shown =
    within.length || !period ? within : targets.filter((g) => inForce(g[0].period, period));
  if (shown.length === 0) {
    const other = targets.length
      ? `Target yang ada: ${capped([...new Set(targets.map((group) => formatPeriod(group[0].period)))])}.`
      : undefined;
    const when = ask.period ? ` untuk ${formatPeriod(ask.period)}` : "";
    return {
      lines: [
        `Belum ada data target ${what}${when}.`,
        ...(other ? [other] : noDataLines(knowledge, ask, realised, [])),
      ],
      facts: [],
      computed: [],
      found: false,
    };
  }
  const listed = shown.slice(-MAX_TARGETS);
  const lines = listed.map(
    (group) =>
      `${factValue(group[0])} — target ${what} (${targetPeriodText(group[0])}) ${sourcesText(group)}`,
  );
  const facts = listed.flatMap(citedFacts);
  const computed: Computed[] = [];
  const goal = (listed.at(-1) as FigureGroup)[0];
  const now = realised
    .filter(
      (group) =>
        comparePeriods(group[0].period, goal.period) <= 0 &&
        sameUnit(group[0].unit, goal.unit) &&
        group[0].sure,
    )
    .at(-1)?.[0];
  if (now && goal.period !== goal.published) {
    const reached = `${factValue(now)}, ${periodText(now.period)} ${sourcesText([now])}`;
    // Asked for both, the figure reached leads and the target follows.
    if (ask.realised) lines.unshift(`${reached.replace(/, /, ` — realisasi ${what}, `)}`);
    else lines.push(`Realisasi terakhir: ${reached}`);
    lines.push(...progress(now, goal, computed));
    facts.push(now);
  }
  return { lines, facts, computed, found: true };
}

/** Whether a target set for `target` holds at `asked`: its year's, or one later in the same year. */
function inForce(target: Period, asked: Period): boolean {
  return (
    periodWithin(asked, target) ||
    (target.slice(0, 4) === asked.slice(0, 4) && periodRange(target).end >= periodRange(asked).end)
  );
}

/** The gap to the target, dated by the realisation it is measured from, and the share reached. */
function progress(now: Fact, goal: Fact, computed: Computed[]): string[] {
  const short = now.value < goal.value;
  const gap = { ...(short ? difference(goal, now) : difference(now, goal)), period: now.period };
  // A share's distance to a share target is in points, not in percent of anything.
  const amount =
    gap.unit === "persen"
      ? `${valueText(gap.value, "poin persen")}`
      : valueText(gap.value, gap.unit);
  const reached: Computed = {
    period: now.period,
    value: (now.value / goal.value) * 100,
    unit: "persen",
    how: `${valueText(now.value, now.unit)} (${formatPeriod(now.period)}) ÷ ${valueText(goal.value, goal.unit)} (target ${formatPeriod(goal.period)})`,
    from: [now, goal],
    approx: true,
  };
  computed.push(gap, reached);
  return [
    short
      ? `Kurang ${amount} lagi dari target (dihitung: ${gap.how}).`
      : `Target terlampaui, lebih ${amount} (dihitung: ${gap.how}).`,
    `Tercapai sekitar ${formatApprox(reached.value)} persen dari target (dihitung: ${reached.how}).`,
  ];
}

export function targetLines(targets: readonly FigureGroup[]): string[] {
  if (!targets.length) return [];
  const when = (target: Fact) =>
    target.period === target.published
      ? `(${targetPeriodText(target)})`
      : `untuk ${targetPeriodText(target)}`;
  return [
    `Target: ${targets.map((group) => `${factValue(group[0])} ${when(group[0])} ${sourcesText(group)}`).join(" · ")}`,
  ];
}
