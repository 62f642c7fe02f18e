import type { Fact } from "../facts/fact-schema";
import { formatPeriod, type Period, periodWithin } from "../format/period";
import type { FigureGroup } from "../knowledge/fact-table";
import type { Knowledge } from "../knowledge/knowledge";
import type { Block } from "./answer-type";
import { type Computed, compute } from "./compute";
import { noDataLines } from "./nearby";
import { firstNotBefore, inPeriod } from "./period-search";
import { narrowed } from "./qualifiers";
import { targetBlock, targetLines } from "./target-block";
import {
  citedFacts,
  factValue,
  periodText,
  sourceNames,
  sourcesText,
  valueText,
  whereText,
} from "./wording";

export type Ask = {
  metric: string;
  region: string;
  period?: Period;
  target: boolean;
  /** "berapa persen": a count with no share metric is not answered as a share. */
  percent?: boolean;
  /** The figure reached is asked with the target ("terserap brp, targetnya brp"): it leads. */
  realised?: boolean;
  /** "rata-rata omzet": the articles give totals, which are no average. */
  average?: boolean;
  /** Words the question adds to the measure ("mikro" in "debitur KUR mikro"), and their phrases. */
  qualifiers?: readonly string[];
  phrases?: readonly string[];
};

/** An answer is read on a phone: a few earlier points and rivals, not every one there is. */
const MAX_EARLIER = 4;
const MAX_RIVALS = 3;

/**
 * The answer about one metric in one region: the latest realisation first (or the period's,
 * or the target when one was asked), then earlier points in one line, then the target.
 * Nothing found: says so, then what there is nearest, each labelled as what it is, never
 * another region's or year's figure as if it answered.
 */
export function figureBlock(k: Knowledge, ask: Ask): Block {
  const { realised, targets } = narrowed(
    k.table.figures(ask.metric, ask.region),
    ask.qualifiers ?? [],
    ask.phrases ?? [],
  );
  const label = k.metric(ask.metric).label;
  const where = whereText(k, ask.region);
  const what = `${label} ${where}`;
  if (ask.percent && k.metric(ask.metric).unit !== "persen" && !ask.metric.startsWith("~")) {
    const when = ask.period ? ` untuk ${formatPeriod(ask.period)}` : "";
    return {
      lines: [
        `Belum ada angka persentase ${what}${when}.`,
        ...noDataLines(k, ask, realised, targets),
      ],
      facts: [],
      computed: [],
      found: false,
    };
  }
  if (ask.average) {
    const when = ask.period ? ` untuk ${formatPeriod(ask.period)}` : "";
    return {
      lines: [
        `Belum ada data rata-rata ${what}${when}; yang ada angka totalnya.`,
        ...noDataLines(k, ask, realised, targets),
      ],
      facts: [],
      computed: [],
      found: false,
    };
  }
  if (ask.target) return targetBlock(k, ask, targets, realised, what);

  const inAsked = ask.period ? inPeriod(realised, ask.period) : realised;
  // An unsure reading is shown with its sentence, never as the figure asked for.
  const pool = inAsked.filter((g) => g.some((f) => f.sure));
  if (pool.length === 0) {
    const computed = realised.length === 0 ? compute(k, ask.metric, ask.region, ask.period) : [];
    if (computed.length) return computedBlock(computed, what);
    if (inAsked.length) return unsureBlock(inAsked, what);
    // Only targets: they are given, called targets, never as the figure reached.
    const periodTargets = ask.period
      ? inPeriod(targets, ask.period)
      : realised.length === 0
        ? targets
        : [];
    if (periodTargets.length) {
      const when = ask.period ? ` untuk ${formatPeriod(ask.period)}` : "";
      return {
        lines: [`Belum ada angka realisasi ${what}${when}.`, ...targetLines(periodTargets)],
        facts: periodTargets.flatMap(citedFacts),
        computed: [],
        found: true,
      };
    }
    const when = ask.period ? ` untuk ${formatPeriod(ask.period)}` : "";
    return {
      lines: [`Belum ada data ${what}${when}.`, ...noDataLines(k, ask, realised, targets)],
      facts: [],
      computed: [],
      found: false,
    };
  }

  // The latest period, and the figures within it: "15 Mei 2024" and an undated "Mei 2024"
  // from the same month are rivals for the answer, not one before the other.
  const latest = (pool.at(-1) as FigureGroup)[0];
  const firstOfLatest = pool.findLastIndex((g) => !periodWithin(g[0].period, latest.period)) + 1;
  // Sources that differ on the same figure are all given, each with its source, up to a few:
  // the newest report first.
  // A starting point ("dari mulai hanya 20 persen") is said as such, after the figure reached.
  const rivals = [...pool.slice(firstOfLatest)].sort(byRecency(k));
  const headline = rivals
    .slice(0, MAX_RIVALS)
    .sort((a, b) => Number(a[0].kind === "awal") - Number(b[0].kind === "awal"));
  const earlier = pool.slice(Math.max(0, firstOfLatest - MAX_EARLIER), firstOfLatest).reverse();
  const upcoming = ask.period
    ? inPeriod(targets, ask.period)
    : targets.slice(firstNotBefore(targets, latest.period));
  const shownTargets = upcoming.slice(-MAX_RIVALS);
  const lines = headline.map(
    (g) =>
      `${factValue(g[0])}${g[0].kind === "awal" ? " (angka awal)" : ""} — ${what}, ${periodText(g[0].period)} ${sourcesText(g)}`,
  );
  if (rivals.length > headline.length) {
    lines.push(
      `(dan ${rivals.length - headline.length} angka lain untuk ${formatPeriod(latest.period)} dari sumber lain)`,
    );
  }
  // A measure in the article's own words is best understood in the article's sentence.
  if (ask.metric.startsWith("~"))
    lines.push(`Kutipan: "${oneLine((headline[0] as FigureGroup)[0].quote)}"`);
  if (earlier.length) {
    const points = earlier.map(
      (g) => `${factValue(g[0])} (${formatPeriod(g[0].period)}; ${sourceNames(g)})`,
    );
    lines.push(`Sebelumnya: ${points.join(" · ")}`);
  }
  lines.push(...targetLines(shownTargets));
  // The headline first: a source asked next is the source of the figure the answer led with.
  const facts = [...headline, ...earlier.reverse(), ...shownTargets].flatMap(citedFacts);
  return { lines, facts, computed: [], found: true, headline: (headline[0] as FigureGroup)[0] };
}

// Positions of facts in their table: of one article's figures for one time, the one it states
// first is its lead; a dated figure comes before one that the article's date stands in for.
const positions = new WeakMap<readonly Fact[], Map<string, number>>();

function byRecency(k: Knowledge) {
  let at = positions.get(k.table.facts);
  if (!at) {
    at = new Map(k.table.facts.map((f, i) => [f.id, i]));
    positions.set(k.table.facts, at);
  }
  const where = at;
  return (a: FigureGroup, b: FigureGroup) =>
    b[0].published.localeCompare(a[0].published) ||
    Number(a[0].periodAssumed) - Number(b[0].periodAssumed) ||
    (where.get(a[0].id) ?? 0) - (where.get(b[0].id) ?? 0);
}

/** Figures read without certainty: not the answer, but what the articles say, with their sentences. */
function unsureBlock(groups: readonly FigureGroup[], what: string): Block {
  const shown = groups.slice(-2);
  return {
    lines: [
      `Belum ada angka yang pasti untuk ${what}.`,
      ...shown.map(
        (g) =>
          `Mungkin terkait (belum pasti): ${factValue(g[0])}, ${periodText(g[0].period)} ${sourcesText(g)} — kutipan: "${oneLine(g[0].quote)}"`,
      ),
    ],
    facts: shown.flatMap(citedFacts),
    computed: [],
    found: true,
  };
}

function computedBlock(computed: Computed[], what: string): Block {
  const c = computed.at(-1) as Computed;
  const sources = sourceNames(c.from);
  return {
    lines: [
      `${valueText(c.value, c.unit, c.approx)} — ${what}, ${periodText(c.period)} (dihitung: ${c.how}; ${sources})`,
    ],
    facts: c.from,
    computed: [c],
    found: true,
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
