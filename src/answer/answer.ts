import { type Fact, measureKey } from "../facts/fact-schema";
import { comparePeriods, formatPeriod } from "../format/period";
import type { Knowledge } from "../knowledge/knowledge";
import type { Query } from "../understand/query";
import type { Answer, Block } from "./answer-type";
import type { Ask } from "./ask";
import { type Computed, difference } from "./compute";
import { figureBlock } from "./figures";
import { withContext } from "./follow-up";
import { openMeasure } from "./open-measures";
import { outletView } from "./outlet-view";
import { greetingText, helpText, outOfScopeText, thanksText } from "./replies";
import { resolve } from "./resolve";
import { articleList, factSources } from "./sources";
import { trendBlock } from "./trend";
import { factValue, sameUnit, valueText, whereText } from "./wording";

export type AnswerOptions = {
  /** "tahun lalu" and "tahun ini" are relative to it; tests pin it. */
  today?: Date;
  /** The same person's last query in this chat, for follow-ups. */
  previous?: Query;
};

const MAX_BLOCKS = 6;

/** The answering core: a question in, an answer out. Pure apart from reading `today`. */
export function answer(
  knowledge: Knowledge,
  question: string,
  options: AnswerOptions = {},
): Answer {
  const today = options.today ?? new Date();
  const query = withContext(knowledge.understand(question, today), options.previous);
  const view = query.outlets.length ? outletView(knowledge, query.outlets) : knowledge;
  return answerQuery(view, query, question);
}

/** What every answer holds before it says anything: no facts, nothing assumed, no choices. */
function emptyAnswer(question: string, query: Query): Omit<Answer, "text" | "outcome"> {
  return {
    question,
    query,
    intent: query.intent,
    facts: [],
    computed: [],
    assumed: [],
    choices: [],
  };
}

export function answerQuery(knowledge: Knowledge, query: Query, question: string): Answer {
  const empty = emptyAnswer(question, query);
  switch (query.intent) {
    case "help":
      return { ...empty, text: helpText(knowledge), outcome: "help" };
    case "greeting":
      return { ...empty, text: greetingText(knowledge), outcome: "help" };
    case "thanks":
      return { ...empty, text: thanksText(), outcome: "help" };
    case "out_of_scope":
      // "target sertifikat halal kalteng 2023": words that are usually off topic name a
      // measure an article gives, asked for a place or a time: a figure question after all.
      if (measureOfItsOwn(knowledge, query))
        return figureAnswer(knowledge, { ...query, intent: "statistic" }, question);
      return { ...empty, text: outOfScopeText(knowledge), outcome: "out_of_scope" };
    case "source":
      return sourceAnswer(knowledge, query, question);
    default:
      return figureAnswer(knowledge, query, question);
  }
}

function measureOfItsOwn(knowledge: Knowledge, query: Query): boolean {
  if (!query.regions.length) return false;
  const open = openMeasure(knowledge.table, query.rest, query.regions);
  // A time or a figure asked, or two of the measure's own words: "sertifikat halal gorontalo?".
  const asksFigure = query.periods.length > 0 || query.target || query.percent || query.count;
  return open !== undefined && (asksFigure || open.words.length >= 2);
}

function figureAnswer(knowledge: Knowledge, query: Query, question: string): Answer {
  const provinces = query.ambiguous?.candidates.every(
    (candidate) => knowledge.lexicon.places.get(candidate)?.level === "provinsi",
  );
  if (query.ambiguous && provinces && query.regions.length === 0)
    return choiceAnswer(knowledge, query, question, query.ambiguous);
  // "kredit umkm jatim": a measure the curated list lacks may still be one an article names.
  if (query.unsupported && !openMeasure(knowledge.table, query.rest, query.regions))
    return unsupportedAnswer(knowledge, query, question);
  // One ask more than the blocks shown: enough to tell one ask from several.
  const { asks, assumed, resolved, choices } = resolve(knowledge, query, MAX_BLOCKS + 1);
  if (choices) return choiceAnswer(knowledge, query, question, choices);
  const { blocks, series } = figureBlocks(knowledge, query, asks);
  const comparing = query.intent === "comparison" && asks.length > 1;
  const computed: Computed[] = [];
  const lines = comparing
    ? compareLines(knowledge, asks, blocks, computed)
    : blocks.flatMap((block) => block.lines);
  const found = blocks.some((block) => block.found);
  computed.unshift(...blocks.flatMap((block) => block.computed));
  // A place read from a city or a typo, or an outlet named, is said even when there is no
  // figure: it explains the answer.
  const explains = found || query.ambiguous || query.guessed.length || query.outlets.length;
  if (assumed.length && explains) lines.push(`Asumsi: ${assumed.join("; ")}.`);
  const facts = blocks.flatMap((block) => block.facts);
  return {
    ...emptyAnswer(question, resolved),
    text: lines.join("\n"),
    outcome: found ? "answered" : "no_data",
    facts: [...new Map(facts.map((fact) => [fact.id, fact])).values()],
    computed,
    assumed,
    series,
  };
}

/** A trend's one block, or one block per ask; and the series a chart would show, if any. */
function figureBlocks(
  knowledge: Knowledge,
  query: Query,
  asks: readonly Ask[],
): { blocks: Block[]; series: Answer["series"] } {
  // resolve makes at least one ask.
  const first = asks[0] as Ask;
  if (query.intent === "trend") {
    const trend = trendBlock(knowledge, first);
    return { blocks: [trend.block], series: trend.series };
  }
  const blocks = asks.slice(0, MAX_BLOCKS).map((ask) => figureBlock(knowledge, ask));
  // One figure with a history behind it: its series goes along, for a chart on request.
  const series =
    asks.length === 1 && blocks[0]?.headline
      ? trendBlock(knowledge, { ...first, period: undefined }).series
      : undefined;
  return { blocks, series };
}

/** "jawa": three provinces; "bogor" with figures for the regency and the city: the person picks. */
function choiceAnswer(
  knowledge: Knowledge,
  query: Query,
  question: string,
  ambiguous: { words: string; candidates: string[] },
): Answer {
  const choices = ambiguous.candidates.map((region) => ({
    label: knowledge.regionName(region),
    region,
  }));
  return {
    ...emptyAnswer(question, { ...query, ambiguous }),
    text: `"${ambiguous.words}" bisa berarti beberapa wilayah. Maksudnya yang mana: ${choices.map((choice) => choice.label).join(", ")}?`,
    outcome: "ambiguous",
    choices,
  };
}

/**
 * One line per region or period; says when the figures are from different times, and for
 * one region at two times works out the change.
 */
function compareLines(
  knowledge: Knowledge,
  asks: readonly Ask[],
  blocks: Block[],
  computed: Computed[],
): string[] {
  // resolve makes at least one ask.
  const label = knowledge.metric((asks[0] as Ask).metric).label;
  const lines = [`Perbandingan ${label}:`, ...blocks.map((block) => `• ${block.lines[0]}`)];
  // A change runs from the earlier period to the later, whichever was said first, and only
  // between two figures of one measure in one place.
  const heads = blocks
    .flatMap((block) => (block.headline ? [block.headline] : []))
    .sort((a, b) => comparePeriods(a.period, b.period));
  const [from, to] = [heads[0], heads.at(-1)];
  if (
    heads.length === 2 &&
    blocks.length === 2 &&
    from &&
    to &&
    from.region === to.region &&
    measureKey(from) === measureKey(to) &&
    sameUnit(from.unit, to.unit) &&
    from.period !== to.period
  ) {
    const change = difference(to, from);
    lines.push(changeLine(change, from, to));
    computed.push(change);
  } else if (
    new Set(blocks.map((block) => block.headline?.period ?? block.computed.at(-1)?.period)).size > 1
  ) {
    lines.push("Catatan: angkanya dari waktu yang berbeda.");
  }
  return lines;
}

function changeLine(change: Computed, from: Fact, to: Fact): string {
  const direction = change.value >= 0 ? "naik" : "turun";
  const amount = valueText(
    Math.abs(change.value),
    change.unit === "persen" ? "poin persen" : change.unit,
  );
  const outlets =
    from.outlet === to.outlet
      ? ""
      : `; dari dua sumber berbeda, ${from.outlet} dan ${to.outlet}, yang bisa menghitung dengan cara berbeda`;
  return `Selisih: ${direction} ${amount} dari ${formatPeriod(from.period)} ke ${formatPeriod(to.period)} (dihitung: ${change.how}${outlets}).`;
}

function sourceAnswer(knowledge: Knowledge, query: Query, question: string): Answer {
  const byNumber = query.numbers.length ? knowledge.table.withValues(query.numbers) : [];
  const previous =
    byNumber.length === 0 && query.metrics.length
      ? figureAnswer(knowledge, { ...query, intent: "statistic" }, question).facts
      : [];
  const facts = byNumber.length ? byNumber : previous;
  // The answer opens with the figure whose source is asked, so it is clear which one it is.
  const lead = facts[0];
  const text = lead
    ? [
        `${factValue(lead)} (${knowledge.metric(measureKey(lead)).label} ${whereText(knowledge, lead.region)}, ${formatPeriod(lead.period)}) — sumbernya:`,
        ...factSources(knowledge, facts),
      ].join("\n")
    : [
        `Semua angka saya berasal dari ${knowledge.table.articles.length} berita berikut:`,
        ...articleList(knowledge),
      ].join("\n");
  return { ...emptyAnswer(question, query), text, outcome: "answered", facts };
}

/** "ekspor umkm": no article gives it. Says so and what there is, never the total instead. */
function unsupportedAnswer(knowledge: Knowledge, query: Query, question: string): Answer {
  const region = query.regions[0];
  const ids = region
    ? knowledge.table.metricsIn(region)
    : knowledge.lexicon.metrics
        .map((metric) => metric.id)
        .filter((id) => knowledge.table.regionsWith(id).length);
  const have = ids.slice(0, 4).map((id) => knowledge.metric(id).label);
  const where = region ? ` untuk ${knowledge.regionName(region)}` : "";
  const text = `Belum ada data ${query.unsupported}${where} di berita yang saya punya. Yang ada${where}: ${have.join(", ")}${ids.length > 4 ? ", dan lainnya (lihat /data)" : ""}.`;
  return { ...emptyAnswer(question, query), text, outcome: "no_data" };
}
