import { formatPeriod } from "../format/period";
import type { Answer, Block } from "./answer-type";
import type { Ask } from "./figures";
import { distinct, figureBlock } from "./figures";
import type { Knowledge } from "./knowledge";
import { sourcesText, targetPeriodText, valueText } from "./wording";

/** A metric over time in one region: every realisation in order, then the targets. */
export function trendBlock(k: Knowledge, ask: Ask): { block: Block; series?: Answer["series"] } {
  const facts = k.table.find(ask.metric, ask.region);
  const realised = facts.filter((f) => f.kind !== "target");
  if (realised.length === 0) return { block: figureBlock(k, { ...ask, period: undefined }) };
  const m = k.metric(ask.metric);
  const where = ask.region === "nasional" ? "nasional" : `di ${k.regionName(ask.region)}`;
  const title = `Perkembangan ${m.label} ${where}`;
  const lines = [
    `${title}:`,
    ...distinct(realised).map(
      (g) =>
        `• ${formatPeriod(g[0].period)}: ${valueText(g[0].value, g[0].unit)} ${sourcesText(g)}`,
    ),
  ];
  const targets = facts.filter((f) => f.kind === "target");
  for (const g of distinct(targets))
    lines.push(
      `• Target ${targetPeriodText(g[0])}: ${valueText(g[0].value, g[0].unit)} ${sourcesText(g)}`,
    );
  if (realised.length === 1) lines.push("Baru ada satu titik data, belum bisa dilihat trennya.");
  return {
    block: { lines, facts: [...facts], computed: [], found: true },
    series: { metric: ask.metric, region: ask.region, title, unit: m.unit, facts: [...facts] },
  };
}
