import { measureKey } from "../facts/fact-schema";
import { comparePeriods, formatPeriod } from "../format/period";
import type { Knowledge } from "../knowledge/knowledge";
import type { Query } from "../understand/query";
import type { Answer, Block } from "./answer-type";
import { type Computed, difference } from "./compute";
import { type Ask, figureBlock } from "./figures";
import { withContext } from "./follow-up";
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
export function answer(k: Knowledge, question: string, options: AnswerOptions = {}): Answer {
  const today = options.today ?? new Date();
  const q = withContext(k.understand(question, today), options.previous);
  return answerQuery(q.outlets.length ? outletView(k, q.outlets) : k, q, question);
}

export function answerQuery(k: Knowledge, q: Query, question: string): Answer {
  const base = {
    question,
    query: q,
    intent: q.intent,
    facts: [],
    computed: [],
    assumed: [],
    choices: [],
  };
  switch (q.intent) {
    case "help":
      return { ...base, text: helpText(k), outcome: "help" };
    case "greeting":
      return { ...base, text: greetingText(k), outcome: "help" };
    case "thanks":
      return { ...base, text: thanksText(), outcome: "help" };
    case "out_of_scope":
      return { ...base, text: outOfScopeText(k), outcome: "out_of_scope" };
    case "source":
      return sourceAnswer(k, q, question);
    default:
      return figureAnswer(k, q, question);
  }
}

function figureAnswer(k: Knowledge, q: Query, question: string): Answer {
  const provinces = q.ambiguous?.candidates.every(
    (c) => k.lexicon.places.get(c)?.level === "provinsi",
  );
  if (q.ambiguous && provinces && q.regions.length === 0)
    return choiceAnswer(k, q, question, q.ambiguous);
  if (q.unsupported) return unsupportedAnswer(k, q, question);
  // One ask more than the blocks shown: enough to tell one ask from several.
  const { asks, assumed, resolved, choices } = resolve(k, q, MAX_BLOCKS + 1);
  if (choices) return choiceAnswer(k, q, question, choices);
  const first = asks[0] as Ask;
  let blocks: Block[];
  let series: Answer["series"];
  if (q.intent === "trend") {
    const trend = trendBlock(k, first);
    blocks = [trend.block];
    series = trend.series;
  } else {
    blocks = asks.slice(0, MAX_BLOCKS).map((a) => figureBlock(k, a));
    // One figure with a history behind it: its series goes along, for a chart on request.
    if (asks.length === 1 && blocks[0]?.headline)
      series = trendBlock(k, { ...first, period: undefined }).series;
  }
  const comparing = q.intent === "comparison" && asks.length > 1;
  const computed: Computed[] = [];
  const lines = comparing
    ? compareLines(k, first, blocks, computed)
    : blocks.flatMap((b) => b.lines);
  const found = blocks.some((b) => b.found);
  computed.unshift(...blocks.flatMap((b) => b.computed));
  // A place read from a city or a typo, or an outlet named, is said even when there is no
  // figure: it explains the answer.
  if (assumed.length && (found || q.ambiguous || q.guessed.length || q.outlets.length))
    lines.push(`Asumsi: ${assumed.join("; ")}.`);
  return {
    question,
    query: resolved,
    intent: q.intent,
    text: lines.join("\n"),
    outcome: found ? "answered" : "no_data",
    facts: [...new Map(blocks.flatMap((b) => b.facts).map((f) => [f.id, f])).values()],
    computed,
    assumed,
    choices: [],
    series,
  };
}

/** "jawa": three provinces; "bogor" with figures for the regency and the city: the person picks. */
function choiceAnswer(
  k: Knowledge,
  q: Query,
  question: string,
  ambiguous: { words: string; candidates: string[] },
): Answer {
  const choices = ambiguous.candidates.map((region) => ({ label: k.regionName(region), region }));
  return {
    question,
    query: { ...q, ambiguous },
    intent: q.intent,
    text: `"${ambiguous.words}" bisa berarti beberapa wilayah. Maksudnya yang mana: ${choices.map((c) => c.label).join(", ")}?`,
    outcome: "ambiguous",
    facts: [],
    computed: [],
    assumed: [],
    choices,
  };
}

/**
 * One line per region or period; says when the figures are from different times, and for
 * one region at two times works out the change.
 */
function compareLines(k: Knowledge, first: Ask, blocks: Block[], computed: Computed[]): string[] {
  const label = k.metric(first.metric).label;
  const lines = [`Perbandingan ${label}:`, ...blocks.map((b) => `• ${b.lines[0]}`)];
  // A change runs from the earlier period to the later, whichever was said first, and only
  // between two figures of one measure in one place.
  const heads = blocks
    .flatMap((b) => (b.headline ? [b.headline] : []))
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
    const direction = change.value >= 0 ? "naik" : "turun";
    lines.push(
      `Selisih: ${direction} ${valueText(Math.abs(change.value), change.unit === "persen" ? "poin persen" : change.unit)} dari ${formatPeriod(from.period)} ke ${formatPeriod(to.period)} (dihitung: ${change.how}${from.outlet === to.outlet ? "" : `; dari dua sumber berbeda, ${from.outlet} dan ${to.outlet}, yang bisa menghitung dengan cara berbeda`}).`,
    );
    computed.push(change);
  } else if (new Set(blocks.map((b) => b.headline?.period ?? b.computed.at(-1)?.period)).size > 1) {
    lines.push("Catatan: angkanya dari waktu yang berbeda.");
  }
  return lines;
}

function sourceAnswer(k: Knowledge, q: Query, question: string): Answer {
  const byNumber = q.numbers.length ? k.table.withValues(q.numbers) : [];
  const previous =
    byNumber.length === 0 && q.metrics.length
      ? figureAnswer(k, { ...q, intent: "statistic" }, question).facts
      : [];
  const facts = byNumber.length ? byNumber : previous;
  // The answer opens with the figure whose source is asked, so it is clear which one it is.
  const lead = facts[0];
  const text = lead
    ? [
        `${factValue(lead)} (${k.metric(measureKey(lead)).label} ${whereText(k, lead.region)}, ${formatPeriod(lead.period)}) — sumbernya:`,
        ...factSources(k, facts),
      ].join("\n")
    : [
        `Semua angka saya berasal dari ${k.table.articles.length} berita berikut:`,
        ...articleList(k),
      ].join("\n");
  return {
    question,
    query: q,
    intent: "source",
    text,
    outcome: "answered",
    facts,
    computed: [],
    assumed: [],
    choices: [],
  };
}

/** "ekspor umkm": no article gives it. Says so and what there is, never the total instead. */
function unsupportedAnswer(k: Knowledge, q: Query, question: string): Answer {
  const region = q.regions[0];
  const ids = region
    ? k.table.metricsIn(region)
    : k.lexicon.metrics.map((m) => m.id).filter((m) => k.table.regionsWith(m).length);
  const have = ids.slice(0, 4).map((m) => k.metric(m).label);
  const where = region ? ` untuk ${k.regionName(region)}` : "";
  const text = `Belum ada data ${q.unsupported}${where} di berita yang saya punya. Yang ada${where}: ${have.join(", ")}${ids.length > 4 ? ", dan lainnya (lihat /data)" : ""}.`;
  return {
    question,
    query: q,
    intent: q.intent,
    text,
    outcome: "no_data",
    facts: [],
    computed: [],
    assumed: [],
    choices: [],
  };
}
