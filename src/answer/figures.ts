import type { Fact } from "../facts/fact-schema";
import { formatPeriod, periodWithin } from "../format/period";
import type { FigureGroup } from "../knowledge/fact-table";
import type { Knowledge } from "../knowledge/knowledge";
import type { Block } from "./answer-type";
import type { Ask } from "./ask";
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

/** An answer is read on a phone: a few earlier points and rivals, not every one there is. */
const MAX_EARLIER = 4;
const MAX_RIVALS = 3;

/**
 * The answer about one metric in one region: the latest realisation first (or the period's,
 * or the target when one was asked), then earlier points in one line, then the target.
 * Nothing found: says so, then what there is nearest, each labelled as what it is, never
 * another region's or year's figure as if it answered.
 */
export function figureBlock(knowledge: Knowledge, ask: Ask): Block {
  const { realised, targets, unsaid } = narrowed(
    knowledge.table.figures(ask.metric, ask.region),
    ask.qualifiers ?? [],
    ask.phrases ?? [],
  );
  const what = `${knowledge.metric(ask.metric).label} ${whereText(knowledge, ask.region)}`;
  const block = figuresOf(knowledge, ask, { realised, targets, what });
  const cues = knowledge.lexicon.extraction.partCues;
  const part = ask.qualifiers ?? [];
  if (!unsaid || !block.found || !part.some((word) => cues.includes(word))) return block;
  // "penyaluran kur sektor perikanan": no figure of that part; the whole follows, said to be it.
  return {
    ...block,
    lines: [
      `Belum ada angka khusus "${part.join(" ")}" untuk ${what}. Angka seluruhnya:`,
      ...block.lines,
    ],
  };
}

function figuresOf(
  knowledge: Knowledge,
  ask: Ask,
  {
    realised,
    targets,
    what,
  }: { realised: readonly FigureGroup[]; targets: readonly FigureGroup[]; what: string },
): Block {
  const when = ask.period ? ` untuk ${formatPeriod(ask.period)}` : "";
  const notFound = (opening: string): Block => ({
    lines: [opening, ...noDataLines(knowledge, ask, realised, targets)],
    facts: [],
    computed: [],
    found: false,
  });
  // An open measure's unit is its figures': a share asked of one counted or in money has none.
  const open = ask.metric.startsWith("~");
  const shares = (groups: readonly FigureGroup[]) =>
    groups.some((group) => group[0].unit === "persen");
  const percentOfCount = ask.percent
    ? open
      ? !shares(realised) && !shares(targets)
      : knowledge.metric(ask.metric).unit !== "persen"
    : false;
  if (percentOfCount) return notFound(`Belum ada angka persentase ${what}${when}.`);
  if (ask.average)
    return notFound(`Belum ada data rata-rata ${what}${when}; yang ada angka totalnya.`);
  if (ask.target) return targetBlock(knowledge, ask, targets, realised, what);

  const inAsked = ask.period ? inPeriod(realised, ask.period) : realised;
  // An unsure reading is shown with its sentence, never as the figure asked for.
  const pool = inAsked.filter((group) => group.some((fact) => fact.sure));
  if (pool.length) return inCurrency(knowledge, ask, pool, targets, what);
  const computed =
    realised.length === 0 ? compute(knowledge, ask.metric, ask.region, ask.period) : [];
  if (computed.length) return computedBlock(computed, what);
  if (inAsked.length) return unsureBlock(inAsked, what);
  // Only targets: they are given, called targets, never as the figure reached.
  const periodTargets = ask.period
    ? inPeriod(targets, ask.period)
    : realised.length === 0
      ? targets
      : [];
  if (periodTargets.length) {
    return {
      lines: [`Belum ada angka realisasi ${what}${when}.`, ...targetLines(periodTargets)],
      facts: periodTargets.flatMap(citedFacts),
      computed: [],
      found: true,
    };
  }
  return notFound(`Belum ada data ${what}${when}.`);
}

/**
 * "ekspor umkm bali dlm rupiah": of amounts given in several currencies, those in the one
 * asked; when there are none in it, the answer says so before the others.
 */
function inCurrency(
  knowledge: Knowledge,
  ask: Ask,
  pool: readonly FigureGroup[],
  targets: readonly FigureGroup[],
  what: string,
): Block {
  const wanted = ask.currency ? pool.filter((group) => group[0].unit === ask.currency) : [];
  if (wanted.length) return latestBlock(knowledge, ask, wanted, targets, what);
  const block = latestBlock(knowledge, ask, pool, targets, what);
  const currencies = Object.keys(knowledge.lexicon.intents.currencies);
  const money = pool.some((group) => currencies.includes(group[0].unit));
  if (!ask.currency || !money) return block;
  return {
    ...block,
    lines: [`Belum ada angka ${what} dalam ${ask.currency}. Yang ada:`, ...block.lines],
  };
}

/**
 * The latest figure of a pool of sure ones, with its rivals from other sources, a few earlier
 * points, and the targets still ahead of it.
 */
function latestBlock(
  knowledge: Knowledge,
  ask: Ask,
  pool: readonly FigureGroup[],
  targets: readonly FigureGroup[],
  what: string,
): Block {
  // The latest period, and the figures within it: "15 Mei 2024" and an undated "Mei 2024"
  // from the same month are rivals for the answer, not one before the other. The pool is
  // never empty here, so neither is the latest period's list.
  const latest = (pool.at(-1) as FigureGroup)[0];
  const firstOfLatest =
    pool.findLastIndex((group) => !periodWithin(group[0].period, latest.period)) + 1;
  // Sources that differ on the same figure are all given, each with its source, up to a few:
  // the newest report first.
  // A starting point ("dari mulai hanya 20 persen") is said as such, after the figure reached.
  const rivals = [...pool.slice(firstOfLatest)].sort(byRecency(knowledge));
  const headline = rivals
    .slice(0, MAX_RIVALS)
    .sort((a, b) => Number(a[0].kind === "awal") - Number(b[0].kind === "awal"));
  const lead = (headline[0] as FigureGroup)[0];
  const earlier = pool.slice(Math.max(0, firstOfLatest - MAX_EARLIER), firstOfLatest);
  const upcoming = ask.period
    ? inPeriod(targets, ask.period)
    : targets.slice(firstNotBefore(targets, latest.period));
  const shownTargets = upcoming.slice(-MAX_RIVALS);
  const lines = headline.map(
    (group) =>
      `${factValue(group[0])}${group[0].kind === "awal" ? " (angka awal)" : ""} — ${what}, ${periodText(group[0].period)} ${sourcesText(group)}`,
  );
  if (rivals.length > headline.length) {
    lines.push(
      `(dan ${rivals.length - headline.length} angka lain untuk ${formatPeriod(latest.period)} dari sumber lain)`,
    );
  }
  // A measure in the article's own words is best understood in the article's sentence.
  if (ask.metric.startsWith("~")) lines.push(`Kutipan: "${oneLine(lead.quote)}"`);
  if (earlier.length) {
    const points = [...earlier]
      .reverse()
      .map(
        (group) =>
          `${factValue(group[0])} (${formatPeriod(group[0].period)}; ${sourceNames(group)})`,
      );
    lines.push(`Sebelumnya: ${points.join(" · ")}`);
  }
  lines.push(...targetLines(shownTargets));
  // The headline first: a source asked next is the source of the figure the answer led with.
  const facts = [...headline, ...earlier, ...shownTargets].flatMap(citedFacts);
  return { lines, facts, computed: [], found: true, headline: lead };
}

// Positions of facts in their table: of one article's figures for one time, the one it states
// first is its lead; a dated figure comes before one that the article's date stands in for.
const positions = new WeakMap<readonly Fact[], Map<string, number>>();

function positionsIn(facts: readonly Fact[]): Map<string, number> {
  let at = positions.get(facts);
  if (!at) {
    at = new Map(facts.map((fact, i) => [fact.id, i]));
    positions.set(facts, at);
  }
  return at;
}

function byRecency(knowledge: Knowledge) {
  const at = positionsIn(knowledge.table.facts);
  return (a: FigureGroup, b: FigureGroup) =>
    b[0].published.localeCompare(a[0].published) ||
    Number(a[0].periodAssumed) - Number(b[0].periodAssumed) ||
    (at.get(a[0].id) ?? 0) - (at.get(b[0].id) ?? 0);
}

/** Figures read without certainty: not the answer, but what the articles say, with their sentences. */
function unsureBlock(groups: readonly FigureGroup[], what: string): Block {
  const shown = groups.slice(-2);
  return {
    lines: [
      `Belum ada angka yang pasti untuk ${what}.`,
      ...shown.map(
        (group) =>
          `Mungkin terkait (belum pasti): ${factValue(group[0])}, ${periodText(group[0].period)} ${sourcesText(group)} — kutipan: "${oneLine(group[0].quote)}"`,
      ),
    ],
    facts: shown.flatMap(citedFacts),
    computed: [],
    found: true,
  };
}

/** The newest figure worked out, when the articles state none: said with how, and from what. */
function computedBlock(computed: readonly Computed[], what: string): Block {
  // Called with at least one.
  const newest = computed.at(-1) as Computed;
  const { value, unit, approx, period, how, from } = newest;
  return {
    lines: [
      `${valueText(value, unit, approx)} — ${what}, ${periodText(period)} (dihitung: ${how}; ${sourceNames(from)})`,
    ],
    facts: from,
    computed: [newest],
    found: true,
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
