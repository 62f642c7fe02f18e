import { formatPeriod } from "../format/period";
import type { FigureGroup } from "../knowledge/fact-table";
import type { Knowledge } from "../knowledge/knowledge";
import type { Answer, Block } from "./answer-type";
import type { Ask } from "./ask";
import { figureBlock } from "./figures";
import { citedFacts, sourcesText, targetPeriodText, valueText, whereText } from "./wording";

const MAX_POINTS = 12;
const MAX_TARGETS = 3;

/** A metric over time in one region: every realisation in order, then the targets. */
export function trendBlock(
  knowledge: Knowledge,
  ask: Ask,
): { block: Block; series?: Answer["series"] } {
  const { realised, targets } = knowledge.table.figures(ask.metric, ask.region);
  if (realised.length === 0)
    return { block: figureBlock(knowledge, { ...ask, period: undefined }) };
  const metric = knowledge.metric(ask.metric);
  const where = whereText(knowledge, ask.region);
  const title = `Perkembangan ${metric.label} ${where}`;
  // The newest points, oldest first: a chart or a phone screen holds a dozen or so.
  const points = realised.slice(-MAX_POINTS);
  const goals = targets.slice(-MAX_TARGETS);
  const hidden = periodCount(realised) - periodCount(points);
  const lines = [
    `${title}:`,
    ...points.map(
      (group) =>
        `• ${formatPeriod(group[0].period)}: ${valueText(group[0].value, group[0].unit)} ${sourcesText(group)}`,
    ),
    ...goals.map(
      (group) =>
        `• Target ${targetPeriodText(group[0])}: ${valueText(group[0].value, group[0].unit)} ${sourcesText(group)}`,
    ),
  ];
  if (hidden > 0) lines.push(`(${hidden} titik waktu yang lebih lama tidak ditampilkan)`);
  if (points.length === 1) lines.push("Baru ada satu titik data, belum bisa dilihat trennya.");
  const shown = [...points, ...goals].flatMap(citedFacts);
  return {
    block: { lines, facts: shown, computed: [], found: true },
    series: { metric: ask.metric, region: ask.region, title, unit: metric.unit, facts: shown },
  };
}

// A region's figures change only on reload; counting their periods once is enough.
const periodCounts = new WeakMap<readonly FigureGroup[], number>();

function periodCount(groups: readonly FigureGroup[]): number {
  let count = periodCounts.get(groups);
  if (count === undefined) {
    count = new Set(groups.map((group) => group[0].period)).size;
    periodCounts.set(groups, count);
  }
  return count;
}
