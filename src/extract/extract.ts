import type { Fact } from "../facts/fact-schema";
import { type Period, periodRange, periodWithin } from "../format/period";
import type { Lexicon } from "../lexicon/load";
import type { Article } from "../seeds/article";
import { foldKeepingPositions, foldWords, phrasePattern } from "../text/fold";
import {
  type Dateline,
  dropAppositives,
  findDatelineIn,
  mostMentioned,
  type PeriodsIn,
  undatedPeriod,
} from "./article-setting";
import { spanAt, splitClauses } from "./clauses";
import {
  compileLongForms,
  cueText,
  hasCue,
  type LongForms,
  longFormNoun,
  pad,
  padRules,
} from "./cues";
import {
  type MeasureChoice,
  type MeasureInput,
  type MeasureUnit,
  makeMeasureReader,
  measureUnit,
} from "./measure";
import { type Dated, makePeriodReader } from "./period-of";
import { placeOf } from "./place-of";
import {
  makeQuantityReader,
  type Quantity,
  type QuantityReader,
  spelledNumberTest,
} from "./quantities";
import { ABROAD, makeRegionFinder, type RegionFinder, type RegionMention } from "./region-mentions";
import { LIST_ITEM, quoteSegments, type Span, splitSentences } from "./sentences";
import { type NumberWindow, numberWindows } from "./windows";

/** A statistic as read from one sentence, before corrections and de-duplication. */
export type ExtractedFact = Pick<
  Fact,
  | "metric"
  | "measure"
  | "region"
  | "period"
  | "periodAssumed"
  | "kind"
  | "value"
  | "valueMax"
  | "approx"
  | "unit"
  | "written"
  | "quote"
  | "said"
  | "sure"
> & {
  /** Whether the sentence itself named the region, rather than the text around it. */
  regionStated: boolean;
};

/** A number that looked like a statistic but said nothing of what it counts: shown to admins. */
export type SkippedNumber = { written: string; quote: string };

export type Extraction = { facts: ExtractedFact[]; skipped: SkippedNumber[] };

/** What the sentences before this one leave for it: the place, time and measures they spoke of. */
type Context = {
  region?: string;
  period?: Period;
  /** The year of the data an article named and then referred back to ("Menurut data tersebut"). */
  dataPeriod?: Period;
  previous: string;
  /** Cue words of the sentence before, worked out once a number needs them. */
  previousWords?: string;
  measures: Map<MeasureUnit, MeasureChoice>;
  /** The place of each level named last: "di provinsi ini" is the province, whatever came after. */
  lastOf: Map<string, string>;
  /** The first measure of each kind in the sentence before: what "angka tersebut" points at. */
  leads: Map<MeasureUnit, MeasureChoice>;
};

/** What makeExtractor compiles once from the lexicon: the reading of every article shares it. */
type Reader = {
  lex: Lexicon;
  longForms: LongForms;
  longFormRes: RegExp[];
  targetCues: string[];
  anaphora: string[];
  apposition: string[];
  continuation: string[];
  continuesPhrase: string[];
  /** "pada periode yang sama", found in folded text: where in a sentence it starts to go on. */
  sameTimeAt: RegExp;
  dataAnaphora: string[];
  thresholds: string[];
  /** "di provinsi ini": padded cue, and the level of place it points back at. */
  placeAnaphora: (readonly [string, string])[];
  denominatorCue: RegExp;
  readQuantities: QuantityReader;
  spellsNumber: (text: string) => boolean;
  periodsOf: (published: Period) => PeriodsIn;
  readMeasure: (input: MeasureInput) => MeasureChoice | undefined;
  regions: RegionFinder;
};

/** One article being read: what it says as a whole, what its sentences carry, what was found. */
type ArticleReading = {
  body: string;
  published: Period;
  folded: string;
  readPeriods: PeriodsIn;
  dateline: Dateline | undefined;
  /** The places the article names, in text order; those before `cursor` lie behind the sentence read. */
  mentions: RegionMention[];
  cursor: number;
  /**
   * The place the article is about: the one its headline names, else the one its body names
   * most; and whether it names more than one.
   */
  region: string;
  /** Filed from the capital about the country: a figure that names no place is national. */
  national: boolean;
  manyPlaces: boolean;
  /** The period of a figure that names none. */
  undated: Period;
  context: Context;
  /** Cue words of the sentence before: one function for the whole article, not one per sentence. */
  prior: () => string;
  facts: ExtractedFact[];
  skipped: SkippedNumber[];
};

/** One sentence being read, and what its numbers leave for the numbers after them. */
type SentenceReading = {
  quote: string;
  mentions: RegionMention[];
  dated: Dated[];
  /** Its opening points back at the sentence before ("Angka tersebut"), or goes on from it. */
  refersBack: boolean;
  goesOn: boolean;
  /**
   * Where a phrase past its opening says it goes on ("Berdasarkan kabupaten/kota, pada periode
   * yang sama ..."): every number after it does, in whichever clause.
   */
  goesOnFrom: number;
  /** The last and the first measure of each kind its numbers counted. */
  byUnit: Map<MeasureUnit, MeasureChoice>;
  firsts: Map<MeasureUnit, MeasureChoice>;
  /** The newest period its figures reached were named with: what the next sentence goes on from. */
  reachedPeriod?: Period;
  /** Its folded words, worked out once a number needs them. */
  plainWords?: string;
};

/** A quoted or unquoted part of a sentence: its numbers, and each one's own stretch of words. */
type SegmentReading = {
  sentence: SentenceReading;
  /** Where the text starts in the body. */
  start: number;
  text: string;
  clauseOf: (at: number) => Span;
  quantities: Quantity[];
  windows: NumberWindow[];
  /** Numbers paired in order with the places listed before them. */
  paired: Map<Quantity, RegionMention>;
  /** Whether only "dari target" stands between each number and the next: the next is its target. */
  targetNext: boolean[];
};

/** A number's words in its segment: its clause, the stretch of it that is its own, and their cue words. */
type OwnWords = {
  clause: Span;
  window: Span;
  /** The number's own stretch without the number, and its cue words with those of a figure it restates. */
  text: string;
  near: string;
  /** A count right after "dari total": the total a share is of. */
  denominator: boolean;
  /** Its clause points back at the figure before ("KUR tersebut disalurkan kepada ..."). */
  pointsBack: boolean;
  /** Its clause goes on from the sentence before ("pada periode yang sama Kota Jambi ..."). */
  continues: boolean;
  /** The folded words of its clause before it, padded. */
  clauseBefore: string;
};

/** A number, its own words and its clause, in body positions: where places and periods are looked for. */
type Where = {
  at: number;
  end: number;
  window: Span;
  clause: Span;
  /** Where the target the number is measured against starts: the time after it is the target's. */
  targetAt: number;
};

/** "215 UMKM sudah go digital, dari target 90.000 UMKM": the target of the figure just given. */
const TARGET_OF_LAST =
  /(?:^|[\s,])(?:dari|dengan|atas)\s+(?:target|sasaran)(?:nya)?(?:\s+(?:sebesar|sebanyak))?\s*$/i;

/** Only the joiners of a list stand between two items: "Kabupaten Bangka dan Kota Pangkalpinang", "Rp 412 miliar dan Rp 398 miliar". */
const LIST_JOINER = /^\s*(?:,|dan|serta|,\s*dan)\s*$/i;

/** How far back the words before a "yakni" are read: the few that name what follows it. */
const APPOSED_CHARS = 60;

/**
 * Reads each number in its own clause: what it counts (measure), where (the nearest place in
 * its clause, then its sentence, then the text before), when (the nearest period in its
 * clause, else the article's date, said to be assumed) and whether it is a target.
 */
export function makeExtractor(lex: Lexicon): (article: Article) => Extraction {
  const x = lex.extraction;
  const longForms = compileLongForms(x.longForms);
  const reader: Reader = {
    lex,
    longForms,
    longFormRes: longForms.each.map((f) => f.re),
    targetCues: pad(x.targetCues),
    anaphora: pad(x.anaphora),
    apposition: x.appositionCues.map((c) => `${c} `),
    continuation: pad([...x.continuationCues, ...x.sameTimeCues]),
    // Anywhere in a number's clause only the phrases say it goes on; "dengan", "juga" say so only first.
    continuesPhrase: pad(x.continuationCues.filter((cue) => cue.includes(" "))),
    sameTimeAt: new RegExp(
      `(?<![a-z0-9])(?:${x.sameTimeCues.map(phrasePattern).join("|")})(?![a-z0-9])`,
    ),
    dataAnaphora: pad(x.dataAnaphora),
    thresholds: pad(x.thresholdCues),
    placeAnaphora: Object.entries(x.placeAnaphora).map(
      ([cue, level]) => [` ${cue} `, level] as const,
    ),
    denominatorCue: new RegExp(`\\b(?:${x.denominatorCues.map(phrasePattern).join("|")})\\b`, "i"),
    readQuantities: makeQuantityReader(x),
    spellsNumber: spelledNumberTest(x),
    periodsOf: makePeriodReader(lex),
    readMeasure: makeMeasureReader(lex, padRules(x.rules)),
    regions: makeRegionFinder(lex),
  };
  return (article) => extractArticle(reader, article);
}

function extractArticle(r: Reader, article: Article): Extraction {
  const sentences = splitSentences(article.body);
  const a = readArticle(r, article, sentences);
  let paragraph = -1;
  // The last blank line at or before each sentence, found going forward: sentences come in order.
  let para = -1;
  let next = a.body.indexOf("\n\n");
  for (const s of sentences) {
    while (next >= 0 && next <= s.start) {
      para = next;
      next = a.body.indexOf("\n\n", next + 1);
    }
    if (para !== paragraph) newParagraph(a);
    paragraph = para;
    carryOver(r, a, readSentence(r, a, s));
  }
  return { facts: a.facts, skipped: a.skipped };
}

/**
 * A new paragraph starts afresh: the measures of the last one do not carry over, nor does a
 * place it named ("Sedangkan Kota Magelang ...", "Di Bali misalnya ..."): the article's own
 * place stands again.
 */
function newParagraph(a: ArticleReading): void {
  const { context } = a;
  context.measures.clear();
  if (context.region) context.region = a.region;
}

/** What the article says as a whole, before any sentence is read: its places, dateline and headline. */
function readArticle(r: Reader, article: Article, sentences: Span[]): ArticleReading {
  const { body, published } = article;
  const readPeriods = r.periodsOf(published);
  const folded = foldKeepingPositions(body);
  const dateline = findDatelineIn(body, sentences);
  const mentions = dropAppositives(r.regions.mentions(folded, body), r.lex);
  // The dateline says where the news was filed: no mention of what it is about.
  const filed = dateline && {
    start: dateline.sentence.start,
    end: dateline.sentence.start + dateline.length,
  };
  const named = mentions.filter((m) => !filed || m.start >= filed.end || m.end <= filed.start);
  const most = mostMentioned(named, titlePlaces(r, article.title));
  // Filed from the capital, and its lead names no place of its own: a story about the country
  // ("JAKARTA – Penyaluran KUR ... mencapai Rp 227,6 triliun"), whatever places come later.
  const lead = sentences.find((s) => !filed || s.end > filed.end);
  const national =
    Boolean(dateline && r.lex.extraction.nationalDatelines.includes(foldWords(dateline.place))) &&
    !named.some(
      (m) => lead && m.start >= lead.start && m.end <= lead.end && m.region !== "nasional",
    );
  const context: Context = {
    previous: "",
    measures: new Map(),
    lastOf: new Map(),
    leads: new Map(),
  };
  return {
    body,
    published,
    folded,
    readPeriods,
    dateline,
    mentions,
    cursor: 0,
    region: national
      ? "nasional"
      : (most ?? (dateline && r.regions.ofPlace(dateline.place)) ?? "nasional"),
    national,
    manyPlaces: new Set(mentions.map((m) => m.region)).size > 1,
    undated: undatedPeriod(readPeriods, article),
    context,
    prior: () => {
      context.previousWords ??= words(r, context.previous);
      return context.previousWords;
    },
    facts: [],
    skipped: [],
  };
}

/** The places a headline names ("UMKM Kota Jambi Bertambah ..."). */
function titlePlaces(r: Reader, title: string): Set<string> {
  return new Set(r.regions.mentions(foldKeepingPositions(title), title).map((m) => m.region));
}

/** A sentence: its places, its periods, how it opens, and then its numbers, part by part. */
function readSentence(r: Reader, a: ArticleReading, s: Span): SentenceReading {
  const { context } = a;
  const quote = a.body.slice(s.start, s.end);
  // The dateline names where the news was filed, not what the numbers are about.
  const from = s.start + (a.dateline?.sentence === s ? a.dateline.length : 0);
  // Most sentences have no number and name no year: their periods are not worth reading.
  const worthDating = /\d/.test(quote) || r.spellsNumber(quote);
  // A sentence with no number has no figure to read: only what it leaves for the next counts.
  const opening = worthDating || context.period ? plain(quote.slice(0, 60)).slice(0, 40) : "";
  const refersBack = worthDating && hasCue(opening, r.anaphora);
  if (context.period && hasCue(opening, r.dataAnaphora)) context.dataPeriod = context.period;
  const sentence: SentenceReading = {
    quote,
    mentions: mentionsIn(a, from, s.end),
    dated: worthDating ? a.readPeriods(a.folded.slice(s.start, s.end), quote, s.start) : [],
    refersBack,
    // A list's items go on from the sentence that introduced them ("... per Juni 2024 adalah:").
    goesOn:
      refersBack || (worthDating && (hasCue(opening, r.continuation) || LIST_ITEM.test(quote))),
    goesOnFrom: worthDating
      ? phraseEnd(r.sameTimeAt, a.folded.slice(s.start, s.end), s.start)
      : Number.POSITIVE_INFINITY,
    byUnit: new Map(),
    firsts: new Map(),
  };
  if (worthDating) for (const seg of quoteSegments(a.body, s)) readSegment(r, a, sentence, seg);
  return sentence;
}

/** The places a sentence names from `from` on, found from the article's cursor, not by a scan of all. */
function mentionsIn(a: ArticleReading, from: number, end: number): RegionMention[] {
  const all = a.mentions;
  // Each index is checked against the length first.
  while (a.cursor < all.length && (all[a.cursor] as RegionMention).start < from) a.cursor++;
  const found: RegionMention[] = [];
  for (let c = a.cursor; c < all.length; c++) {
    const m = all[c] as RegionMention;
    if (m.end > end) break;
    found.push(m);
  }
  return found;
}

function readSegment(r: Reader, a: ArticleReading, sentence: SentenceReading, seg: Span): void {
  const text = a.body.slice(seg.start, seg.end);
  // "usaha mikro, kecil dan menengah" is one noun: its commas and "dan" end no clause and join
  // no two numbers.
  const joined = joinedLongForms(r, text);
  const clauses = splitClauses(joined);
  const clauseOf = (at: number) => spanAt(clauses, at);
  // Legal thresholds ("beromset sampai Rp300 juta") are no statistic, nor a neighbour to share words with.
  const quantities = dropThresholds(r, r.readQuantities(text), text, clauseOf);
  for (const q of quantities)
    q.noun = longFormNoun(text.slice(q.end, q.end + 120), r.longForms) ?? q.noun;
  const part: SegmentReading = {
    sentence,
    start: seg.start,
    text,
    clauseOf,
    quantities,
    windows: numberWindows(joined, quantities, clauseOf),
    paired: respectively(quantities, sentence.mentions, seg.start, text),
    targetNext: quantities.map((q, i) => {
      const next = quantities[i + 1];
      return next !== undefined && TARGET_OF_LAST.test(text.slice(q.end, next.start));
    }),
  };
  quantities.forEach((q, i) => {
    readNumber(r, a, part, q, i);
  });
}

/** One number: what it counts, where and when, whether that is sure; then its fact, or a skip. */
function readNumber(r: Reader, a: ArticleReading, part: SegmentReading, q: Quantity, i: number) {
  const { sentence } = part;
  const own = ownWords(r, part, q, i);
  const unit = measureUnit(q);
  const measure = measureOf(r, a, part, q, i, own);
  if (!measure) {
    a.skipped.push({ written: q.written, quote: sentence.quote });
    return;
  }
  sentence.byUnit.set(unit, measure);
  if (!sentence.firsts.has(unit)) sentence.firsts.set(unit, measure);
  const where = inBody(part, i, own);
  const place = part.paired.get(q) ?? placeOf(sentence.mentions, where, r.lex);
  const region =
    place?.region ??
    levelNamed(r, a.context, plainWordsOf(sentence)) ??
    a.context.region ??
    a.region;
  if (region === ABROAD) {
    a.skipped.push({ written: q.written, quote: sentence.quote });
    return;
  }
  const { period, assumed, named } = periodOf(a, sentence, where, own);
  const kind = isTarget(r, a, period, own.near) ? "target" : "realisasi";
  if (named && kind === "realisasi") sentence.reachedPeriod = newer(sentence.reachedPeriod, period);
  for (const each of place ? sharedBy(a.body, sentence.mentions, place, where.at) : [region])
    a.facts.push({
      metric: measure.metric,
      measure: measure.measure,
      region: each,
      period,
      periodAssumed: assumed,
      kind,
      value: q.value,
      ...(q.valueMax === undefined ? {} : { valueMax: q.valueMax }),
      ...(q.approx === undefined ? {} : { approx: q.approx }),
      unit: unitOf(q, measure, r.lex),
      written: q.written,
      quote: sentence.quote,
      said: part.text.slice(own.clause.start, own.clause.end).trim(),
      sure: isSure(a, measure, place),
      regionStated: Boolean(place),
    });
}

/**
 * "Kabupaten Pohuwato dan Kabupaten Bone Bolango masing-masing sekitar delapan ribuan": one
 * figure said of each of the places listed just before it. Otherwise the place's own.
 */
function sharedBy(
  body: string,
  mentions: readonly RegionMention[],
  place: RegionMention,
  at: number,
) {
  const between = body.slice(place.end, at);
  // Only words between: "masing-masing 5.000 dan 6.000" pairs each place with its own number.
  if (!/^\s*,?\s*masing[\s-]+masing[\s\p{L}]*$/iu.test(between)) return [place.region];
  const listed = [place];
  for (let k = mentions.indexOf(place) - 1; k >= 0; k--) {
    const m = mentions[k] as RegionMention;
    if (!LIST_JOINER.test(body.slice(m.end, (listed[0] as RegionMention).start))) break;
    listed.unshift(m);
  }
  return listed.map((m) => m.region);
}

function ownWords(r: Reader, part: SegmentReading, q: Quantity, i: number): OwnWords {
  const { text, windows } = part;
  const clause = part.clauseOf(q.start);
  const window = windows[i] as NumberWindow; // one window per quantity
  const clauseBefore = plain(text.slice(clause.start, q.start));
  const prev = part.quantities[i - 1];
  // "70 persen dari total ... 273.457": the total is read from its cue on, so the share's words do not describe it.
  const lead = Math.max(clause.start, prev?.end ?? 0);
  const cueAt = q.unit === "count" ? text.slice(lead, q.start).search(r.denominatorCue) : -1;
  const denominator =
    cueAt >= 0 ||
    (q.unit === "count" &&
      prev?.unit === "persen" &&
      /^\s*dari\s*$/i.test(text.slice(prev.end, q.start)));
  const start = cueAt >= 0 ? lead + cueAt : window.start;
  const own = `${text.slice(start, q.start)} ${text.slice(q.end, window.end)}`;
  const same = window.same === undefined ? undefined : windows[window.same];
  const nearText = same ? `${own} ${text.slice(same.start, same.end)}` : own;
  return {
    clause,
    window: { start, end: window.end },
    text: own,
    // "Rp5,92 triliun dari target ...": words after a joiner are the next number's, noun or not.
    near: words(r, window.end > q.end ? `${nearText} ${q.noun}` : nearText),
    pointsBack: hasCue(clauseBefore, r.anaphora),
    continues: hasCue(clauseBefore, r.continuesPhrase),
    denominator,
    clauseBefore,
  };
}

/** What the number counts: measure.ts chooses, from the words this gathers. */
function measureOf(
  r: Reader,
  a: ArticleReading,
  part: SegmentReading,
  q: Quantity,
  i: number,
  own: OwnWords,
): MeasureChoice | undefined {
  const { text, sentence } = part;
  const { context } = a;
  const unit = measureUnit(q);
  // Asked for by several of the measure's readings: the words of a long stretch, worked out once.
  let before: string | undefined;
  return r.readMeasure({
    q,
    near: own.near,
    nearText: own.text,
    lead: () => words(r, text.slice(sameUnitBefore(part.quantities, i), q.start)),
    pointsBack: own.pointsBack,
    targetOfLast: part.targetNext[i - 1] === true,
    apposed: apposedWords(r, text, own),
    clause: words(
      r,
      ownPartOf(text, { start: own.clause.start, end: own.window.end }, part.windows, i),
    ),
    before: () => {
      before ??= words(r, text.slice(0, q.start));
      return before;
    },
    inherited: sentence.byUnit.get(unit),
    counted: sentence.byUnit.get("uang") ?? sentence.byUnit.get("count"),
    // "Namun hingga semester I/2024, realisasinya baru ...": the clause points back, however late.
    previous: sentence.refersBack || own.pointsBack ? a.prior() : undefined,
    led: sentence.refersBack || own.pointsBack ? context.leads.get(unit) : undefined,
    prior: a.prior,
    carried: context.measures.get(unit),
    denominator: own.denominator,
  });
}

/**
 * Where the words about a number start, for naming its part: after the last number of its
 * kind before it. "KUR Kecil realisasi 34,55 persen ... Rp49,45 triliun debiturnya 254.028":
 * the debtors are still KUR Kecil's.
 */
function sameUnitBefore(quantities: readonly Quantity[], i: number): number {
  const unit = (quantities[i] as Quantity).unit; // i indexes quantities
  return quantities.slice(0, i).findLast((p) => p.unit === unit)?.end ?? 0;
}

/** The few words before "yakni" when the number's clause opens with it: they name what it counts. */
function apposedWords(r: Reader, text: string, own: OwnWords) {
  const opening = own.clauseBefore.trimStart();
  if (!r.apposition.some((cue) => opening.startsWith(cue))) return undefined;
  const clauseStart = own.clause.start;
  return words(r, text.slice(Math.max(0, clauseStart - APPOSED_CHARS), clauseStart));
}

function inBody(part: SegmentReading, i: number, own: OwnWords): Where {
  const offset = part.start;
  const q = part.quantities[i] as Quantity;
  const next = part.quantities[i + 1];
  // "41.300 UMKM ... dari target 50.000 UMKM hingga akhir tahun ini": that year-end is the target's.
  return {
    at: offset + q.start,
    end: offset + q.end,
    window: { start: offset + own.window.start, end: offset + own.window.end },
    clause: { start: offset + own.clause.start, end: offset + own.clause.end },
    targetAt: next && part.targetNext[i] ? offset + next.start : Number.POSITIVE_INFINITY,
  };
}

/** "di provinsi ini": the place of that level the text named last. */
function levelNamed(r: Reader, context: Context, words: string): string | undefined {
  const said = r.placeAnaphora.find(([cue]) => words.includes(cue));
  return said ? context.lastOf.get(said[1]) : undefined;
}

function plainWordsOf(sentence: SentenceReading): string {
  sentence.plainWords ??= plain(sentence.quote);
  return sentence.plainWords;
}

/**
 * When: the nearest period the number's words name; else one carried from the sentence it
 * goes on from, or the data referred back to; else the article's (said to be assumed).
 */
function periodOf(
  a: ArticleReading,
  sentence: SentenceReading,
  where: Where,
  { denominator, pointsBack, continues }: OwnWords,
): { period: Period; assumed: boolean; named: boolean } {
  const { context, published } = a;
  const { dated } = sentence;
  // A total named as a denominator is dated by its own words only, not by the share's.
  const when = pickPeriod(dated, {
    ...where,
    clause: denominator ? where.window : where.clause,
    sentence: !denominator,
  });
  // A carried period that holds the article's own date says no more than the date does.
  const carried =
    (sentence.goesOn || pointsBack || continues || where.at >= sentence.goesOnFrom) &&
    context.period &&
    !periodWithin(published, context.period)
      ? context.period
      : undefined;
  // The day a statement was made ("Senin (15/8/2022)") dates what was said, not a figure's
  // period: a figure that goes on from the one before ("Dari total penyaluran itu") keeps its.
  const spoken = when !== undefined && dated.some((d) => d.speech && d.period === when);
  const own = spoken && carried ? undefined : when;
  const period =
    (own === "now" ? (dated.find((d) => d.speech)?.period ?? published) : own) ??
    carried ??
    context.dataPeriod ??
    a.undated;
  return {
    period,
    assumed: own === undefined && !carried,
    named: own !== undefined && own !== "now" && !spoken,
  };
}

/** A figure for a time after the article's, or said with a target cue, is a target. */
function isTarget(r: Reader, a: ArticleReading, period: Period, near: string): boolean {
  return periodRange(period).start > periodRange(a.published).end || hasCue(near, r.targetCues);
}

/** Sure when its measure is, its place is settled, and a place was named or the article has one only. */
function isSure(a: ArticleReading, measure: MeasureChoice, place: RegionMention | undefined) {
  return (
    measure.sure &&
    !place?.candidates &&
    (Boolean(place) || Boolean(a.context.region) || !a.manyPlaces || a.national)
  );
}

/** What a sentence leaves for the ones after it: the places it names, its newest period, its measures. */
function carryOver(r: Reader, a: ArticleReading, s: SentenceReading): void {
  const { lex } = r;
  const { context } = a;
  // A place abroad speaks only for the numbers in its own clause ("ekspor ke Amerika Serikat").
  // Nor does a place named only to compare ("lebih tinggi dari angka nasional"), nor where the
  // speaker was ("kata Kepala Kanwil ... di Manokwari"): the figures after are about neither.
  const last = s.mentions.filter((m) => m.region !== ABROAD && !m.role).at(-1);
  for (const m of s.mentions) {
    const level = lex.places.get(m.region)?.level;
    if (level) context.lastOf.set(level, m.region);
  }
  if (last) context.region = last.region;
  // "... hingga Juni 2024 mencapai Rp610 miliar dari target tahun ini": the figure reached is
  // what "KUR tersebut" in the next sentence goes on from, not the target's year.
  // "pada periode yang sama" is the time of the figures before: a sentence with none changes
  // it only with a time it names as one ("per Juni 2024", "sepanjang 2022"), not with a year
  // that may name an event ("Temu Usaha UMKM Kalteng 2023").
  const figures = s.byUnit.size > 0 || context.period === undefined;
  const named = figures ? s.dated : s.dated.filter((d) => namedAsTime(r, a, d));
  const newest = s.reachedPeriod ?? newestPeriod(named);
  if (newest && periodRange(newest).start <= periodRange(a.published).end) context.period = newest;
  for (const [unit, m] of s.byUnit) context.measures.set(unit, m);
  context.previous = s.quote;
  context.previousWords = undefined;
  if (s.firsts.size) context.leads = s.firsts;
}

function newer(a: Period | undefined, b: Period): Period {
  return a && periodRange(a).end >= periodRange(b).end ? a : b;
}

/**
 * The newest of the periods a sentence names; the day a statement was made dates what was
 * said then, not the figures of the sentences after.
 */
function newestPeriod(dated: Dated[]): Period | undefined {
  return dated
    .flatMap((d) => (d.period === "now" || d.speech ? [] : [d.period]))
    .sort((x, y) => (periodRange(x).end < periodRange(y).end ? -1 : 1))
    .at(-1);
}

/** A month or a day, or a year after a word of time ("sepanjang 2022"): a time, not a name. */
function namedAsTime(r: Reader, a: ArticleReading, d: Dated): boolean {
  if (d.period === "now" || !/^\d{4}$/.test(d.period)) return true;
  const before = a.folded
    .slice(Math.max(0, d.start - 20), d.start)
    .trim()
    .split(/\s+/)
    .at(-1);
  return r.lex.extraction.timeCues.includes(before ?? "");
}

/** Where the first match of a phrase ends, in body positions; infinity when there is none. */
function phraseEnd(re: RegExp, folded: string, offset: number): number {
  const m = re.exec(folded);
  return m ? offset + m.index + m[0].length : Number.POSITIVE_INFINITY;
}

function words(r: Reader, text: string): string {
  return cueText(text, r.longForms);
}

function plain(text: string): string {
  return ` ${foldWords(text)} `;
}

function dropThresholds(
  r: Reader,
  quantities: Quantity[],
  text: string,
  clauseOf: (at: number) => Span,
): Quantity[] {
  const isThreshold = (t: string) => hasCue(words(r, t), r.thresholds);
  const windows = numberWindows(text, quantities, clauseOf);
  return quantities.filter((q, i) => {
    const w = windows[i] as Span;
    // A definition's amounts ("kekayaan bersih antara Rp50 juta hingga Rp500 juta") share its clause.
    const c = clauseOf(q.start);
    const money = q.unit === "rupiah" || q.unit === "usd";
    if (money)
      return !(
        isThreshold(`${text.slice(w.start, q.start)} ${text.slice(q.end, w.end)}`) ||
        isThreshold(text.slice(c.start, c.end))
      );
    // A count is a threshold only right after its cue ("tenaga kerja paling banyak 19 orang"):
    // "UMKM paling banyak berada di Kota Jayapura dengan 21.340 unit" ranks a place.
    const before = ` ${words(r, text.slice(w.start, q.start)).trim()} `;
    return !r.thresholds.some((cue) => before.endsWith(cue));
  });
}

function unitOf(q: Quantity, m: MeasureChoice, lex: Lexicon): string {
  if (q.unit === "persen") return "persen";
  if (q.unit === "rupiah") return "rupiah";
  if (q.unit === "usd") return "US$";
  const noun = q.noun.split(/\s+/)[0] ?? "";
  if (["unit", "orang", "debitur"].includes(noun)) return noun;
  return (m.metric && lex.metrics.find((x) => x.id === m.metric)?.unit) || "unit";
}

/** The nearest period to a number: in its own words, then its clause, then its sentence. */
function pickPeriod(
  dated: Dated[],
  where: Where & { sentence: boolean },
): Period | "now" | undefined {
  const distance = (d: Dated) => (d.end <= where.at ? where.at - d.end : d.start - where.end + 1);
  const ours = (d: Dated) => d.start < where.targetAt && !d.base;
  const nearestIn = (span: Span) =>
    dated
      .filter((d) => d.start >= span.start && d.end <= span.end && ours(d))
      .sort((a, b) => distance(a) - distance(b))[0];
  const inSentence = where.sentence ? dated : [];
  const found =
    nearestIn(where.window) ??
    nearestIn(where.clause) ??
    inSentence.filter((d) => d.end <= where.at).at(-1) ??
    // After the number, only the day the statement was made: a "sekarang" further on dates another number.
    inSentence.find((d) => d.start >= where.end && ours(d) && (d.speech || d.period !== "now"));
  return found?.period;
}

/**
 * "Papua Barat, Maluku Utara, dan Papua ... yaitu 4,6 ribu, 4,1 ribu, dan 3,9 ribu unit":
 * places listed first and as many numbers of one kind after them are paired in order.
 */
function respectively(
  quantities: Quantity[],
  mentions: RegionMention[],
  offset: number,
  said: string,
): Map<Quantity, RegionMention> {
  const paired = new Map<Quantity, RegionMention>();
  const first = quantities[0];
  if (!first || mentions.length < 2) return paired;
  const before = mentions.filter((m) => m.end <= offset + first.start && m.region !== "nasional");
  // "A dan B masing-masing menyerap N dan M, sedangkan C ...": with "masing-masing" and the
  // numbers listed one after the other, a place after them is another clause's.
  const listed = /masing/i.test(said);
  if (before.length !== mentions.length && !listed) return paired;
  for (const unit of ["persen", "rupiah", "usd", "count"]) {
    const same = quantities.filter((q) => q.unit === unit);
    if (same.length !== before.length) continue;
    if (before.length !== mentions.length && !inOneList(same, said)) continue;
    for (const [i, q] of same.entries()) paired.set(q, before[i] as RegionMention);
  }
  return paired;
}

/** "Rp 412 miliar dan Rp 398 miliar": only joiners between the numbers. */
function inOneList(same: readonly Quantity[], said: string): boolean {
  return same.every(
    (q, i) => i === 0 || LIST_JOINER.test(said.slice((same[i - 1] as Quantity).end, q.start)),
  );
}

/**
 * A clause without the words its other numbers own: "5,9 persen yang mengalami pertumbuhan,
 * dan 63,9 persen UMKM mengalami penurunan omzet" does not lend "pertumbuhan" to 63,9.
 */
function ownPartOf(text: string, clause: Span, windows: Span[], i: number): string {
  let out = text.slice(clause.start, clause.end);
  windows.forEach((w, j) => {
    if (j === i || w.end <= clause.start || w.start >= clause.end) return;
    const [from, to] = [
      Math.max(w.start, clause.start) - clause.start,
      Math.min(w.end, clause.end) - clause.start,
    ];
    out = `${out.slice(0, from)}${" ".repeat(to - from)}${out.slice(to)}`;
  });
  return out;
}

/** The same text with each long form written as one word, so that no "dan" or comma in it joins. */
function joinedLongForms(r: Reader, text: string): string {
  if (!r.longForms.any.test(text)) return text;
  let out = text;
  for (const re of r.longFormRes) out = out.replace(re, (m) => m.replace(/[^\p{L}]/gu, "x"));
  return out;
}
