import type { Fact } from "../facts/fact-schema";
import { type Period, periodRange, periodWithin } from "../format/period";
import type { Lexicon } from "../lexicon/load";
import type { Article } from "../seeds/article";
import { foldKeepingPositions, foldWords, phrasePattern } from "../text/fold";
import { spanAt, splitClauses } from "./clauses";
import { compileLongForms, cueText, hasCue, pad, padRules } from "./cues";
import { findDateline } from "./dateline";
import { type MeasureChoice, makeMeasureReader } from "./measure";
import { type Dated, makePeriodReader } from "./period-of";
import { placeOf } from "./place-of";
import { makeQuantityReader, type Quantity, spelledNumberTest } from "./quantities";
import { ABROAD, makeRegionFinder, type RegionMention } from "./region-mentions";
import { quoteSegments, type Span, splitSentences } from "./sentences";
import { numberWindows } from "./windows";

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
  measures: Map<string, MeasureChoice>;
  /** The place of each level named last: "di provinsi ini" is the province, whatever came after. */
  lastOf: Map<string, string>;
  /** The first measure of each kind in the sentence before: what "angka tersebut" points at. */
  leads: Map<string, MeasureChoice>;
};

/**
 * Reads each number in its own clause: what it counts (measure), where (the nearest place in
 * its clause, then its sentence, then the text before), when (the nearest period in its
 * clause, else the article's date, said to be assumed) and whether it is a target.
 */
export function makeExtractor(lex: Lexicon): (article: Article) => Extraction {
  const x = lex.extraction;
  const longForms = compileLongForms(x.longForms);
  const targetCues = pad(x.targetCues);
  const anaphora = pad(x.anaphora);
  const continuation = pad(x.continuationCues);
  const dataAnaphora = pad(x.dataAnaphora);
  const thresholds = pad(x.thresholdCues);
  const readQuantities = makeQuantityReader(x);
  const spellsNumber = spelledNumberTest(x);
  const periodsOf = makePeriodReader(lex);
  const readMeasure = makeMeasureReader(lex, padRules(x.rules));
  const regions = makeRegionFinder(lex);
  const words = (text: string) => cueText(text, longForms);
  const plain = (text: string) => ` ${foldWords(text)} `;
  const denominatorCue = new RegExp(
    `\\b(?:${x.denominatorCues.map(phrasePattern).join("|")})\\b`,
    "i",
  );
  const longFormRes = longForms.each.map((f) => f.re);
  const placeAnaphora = Object.entries(x.placeAnaphora).map(
    ([cue, level]) => [` ${cue} `, level] as const,
  );

  return (article) => {
    const { body, published } = article;
    const readPeriods = periodsOf(published);
    const sentences = splitSentences(body);
    const folded = foldKeepingPositions(body);
    const dateline = findDatelineIn(body, sentences);
    const allMentions = dropAppositives(regions.mentions(folded, body), lex);
    const articleRegion =
      mostMentioned(allMentions) ?? (dateline && regions.ofPlace(dateline.place)) ?? "nasional";
    const manyPlaces = new Set(allMentions.map((m) => m.region)).size > 1;
    // "Jumlah UMKM di Kota Bandung Tahun 2023": a headline's one period dates the figures that name none.
    const headline = [
      ...new Set(
        readPeriods(foldKeepingPositions(article.title), article.title, 0).flatMap((d) =>
          d.period === "now" || periodRange(d.period).start > periodRange(published).end
            ? []
            : [d.period],
        ),
      ),
    ];
    const undated =
      headline.length === 1 && !periodWithin(published, headline[0] as Period)
        ? (headline[0] as Period)
        : published;

    const facts: ExtractedFact[] = [];
    const skipped: SkippedNumber[] = [];
    const context: Context = {
      previous: "",
      measures: new Map(),
      lastOf: new Map(),
      leads: new Map(),
    };
    const levelNamed = (words: string) => {
      const said = placeAnaphora.find(([cue]) => words.includes(cue));
      return said ? context.lastOf.get(said[1]) : undefined;
    };
    let paragraph = -1;
    let cursor = 0;

    for (const s of sentences) {
      const quote = body.slice(s.start, s.end);
      // A new paragraph starts afresh: what the last one was about does not carry over.
      const para = body.lastIndexOf("\n\n", s.start);
      if (para !== paragraph) context.measures.clear();
      paragraph = para;
      // The dateline names where the news was filed, not what the numbers are about.
      const from = s.start + (dateline?.sentence === s ? dateline.length : 0);
      // Mentions are in text order: the sentence's are found from a cursor, not by a scan of all.
      while (cursor < allMentions.length && (allMentions[cursor] as RegionMention).start < from)
        cursor++;
      const mentions: RegionMention[] = [];
      for (let c = cursor; c < allMentions.length; c++) {
        const m = allMentions[c] as RegionMention;
        if (m.end > s.end) break;
        mentions.push(m);
      }
      // Most sentences have no number and name no year: their periods are not worth reading.
      const worthDating = /\d/.test(quote) || spellsNumber(quote);
      const dated = worthDating ? readPeriods(folded.slice(s.start, s.end), quote, s.start) : [];
      // A sentence with no number has no figure to read: only what it leaves for the next counts.
      const opening = worthDating || context.period ? plain(quote.slice(0, 60)).slice(0, 40) : "";
      const refersBack = worthDating && hasCue(opening, anaphora);
      const goesOn = refersBack || (worthDating && hasCue(opening, continuation));
      if (context.period && hasCue(opening, dataAnaphora)) context.dataPeriod = context.period;
      const sentenceFacts: ExtractedFact[] = [];
      // Worked out once a sentence needs them: most sentences have no number.
      let priorWords: string | undefined;
      const prior = () => {
        priorWords ??= words(context.previous);
        return priorWords;
      };
      let quoteWords: string | undefined;
      const plainQuote = () => {
        quoteWords ??= plain(quote);
        return quoteWords;
      };
      const byUnit = new Map<string, MeasureChoice>();
      const firsts = new Map<string, MeasureChoice>();

      for (const seg of worthDating ? quoteSegments(body, s) : []) {
        const text = body.slice(seg.start, seg.end);
        const clauses = splitClauses(
          longForms.any.test(text) ? maskLongForms(text, longFormRes) : text,
        );
        const clauseOf = (at: number) => spanAt(clauses, at);
        // Legal thresholds ("beromset sampai Rp300 juta") are no statistic, nor a neighbour to share words with.
        const quantities = dropThresholds(readQuantities(text), text, clauseOf, (t) =>
          hasCue(words(t), thresholds),
        );
        const windows = numberWindows(text, quantities, clauseOf);
        const paired = respectively(quantities, mentions, seg.start);
        quantities.forEach((q, i) => {
          const clause = clauseOf(q.start);
          const win = { ...(windows[i] as Span) };
          // "70 persen dari total ... 273.457": the total is read from its cue on, so the share's words do not describe it.
          const lead = Math.max(clause.start, quantities[i - 1]?.end ?? 0);
          const cueAt = q.unit === "count" ? text.slice(lead, q.start).search(denominatorCue) : -1;
          const denominator =
            cueAt >= 0 ||
            (q.unit === "count" &&
              quantities[i - 1]?.unit === "persen" &&
              /^\s*dari\s*$/i.test(text.slice(quantities[i - 1]?.end ?? 0, q.start)));
          if (cueAt >= 0) win.start = lead + cueAt;
          const own = `${text.slice(win.start, q.start)} ${text.slice(q.end, win.end)}`;
          const same = windows[i]?.same;
          const sameWin = same === undefined ? undefined : windows[same];
          const nearText = sameWin ? `${own} ${text.slice(sameWin.start, sameWin.end)}` : own;
          const near = words(`${nearText} ${q.noun}`);
          const unitKind = q.unit === "persen" ? "persen" : q.unit === "count" ? "count" : "uang";
          const measure = readMeasure({
            q,
            near,
            nearText: own,
            pointsBack: hasCue(plain(text.slice(clause.start, q.start)), anaphora),
            clause: words(ownPartOf(text, { start: clause.start, end: win.end }, windows, i)),
            before: () => words(text.slice(0, q.start)),
            inherited: byUnit.get(unitKind),
            previous: refersBack ? prior() : undefined,
            led: refersBack ? context.leads.get(unitKind) : undefined,
            prior,
            carried: context.measures.get(unitKind),
            denominator,
          });
          if (!measure) {
            skipped.push({ written: q.written, quote });
            return;
          }
          byUnit.set(unitKind, measure);
          if (!firsts.has(unitKind)) firsts.set(unitKind, measure);
          const at = seg.start + q.start;
          const clauseSpan = { start: seg.start + clause.start, end: seg.start + clause.end };
          const place =
            paired.get(q) ??
            placeOf(
              mentions,
              {
                at,
                end: seg.start + q.end,
                window: { start: seg.start + win.start, end: seg.start + win.end },
                clause: clauseSpan,
              },
              lex,
            );
          const region =
            place?.region ?? levelNamed(plainQuote()) ?? context.region ?? articleRegion;
          if (region === ABROAD) {
            skipped.push({ written: q.written, quote });
            return;
          }
          const window = { start: seg.start + win.start, end: seg.start + win.end };
          // A total named as a denominator is dated by its own words only, not by the share's.
          const when = pickPeriod(dated, {
            at,
            end: seg.start + q.end,
            window,
            clause: denominator ? window : clauseSpan,
            sentence: !denominator,
          });
          // A carried period that holds the article's own date says no more than the date does.
          const carried =
            goesOn && context.period && !periodWithin(published, context.period)
              ? context.period
              : undefined;
          const period =
            (when === "now" ? (dated.find((d) => d.speech)?.period ?? published) : when) ??
            carried ??
            context.dataPeriod ??
            undated;
          const future = periodRange(period).start > periodRange(published).end;
          sentenceFacts.push({
            metric: measure.metric,
            measure: measure.measure,
            region,
            period,
            periodAssumed: when === undefined && !carried,
            kind: future || hasCue(near, targetCues) ? "target" : "realisasi",
            value: q.value,
            ...(q.valueMax === undefined ? {} : { valueMax: q.valueMax }),
            ...(q.approx === undefined ? {} : { approx: q.approx }),
            unit: unitOf(q, measure, lex),
            written: q.written,
            quote,
            said: text.slice(clause.start, clause.end).trim(),
            sure:
              measure.sure &&
              !place?.candidates &&
              (Boolean(place) || Boolean(context.region) || !manyPlaces),
            regionStated: Boolean(place),
          });
        });
      }

      facts.push(...sentenceFacts);
      // A place abroad speaks only for the numbers in its own clause ("ekspor ke Amerika Serikat").
      const last = mentions.filter((m) => m.region !== ABROAD).at(-1);
      for (const m of mentions) {
        const level = lex.places.get(m.region)?.level;
        if (level) context.lastOf.set(level, m.region);
      }
      if (last) context.region = last.region;
      // The periods the sentence names; the day a statement was made dates what was said then,
      // not the figures of the sentences after.
      const named = dated.flatMap((d) => (d.period === "now" || d.speech ? [] : [d.period]));
      const newest = named
        .sort((a, b) => (periodRange(a).end < periodRange(b).end ? -1 : 1))
        .at(-1);
      if (newest && periodRange(newest).start <= periodRange(published).end)
        context.period = newest;
      for (const [unit, m] of byUnit) context.measures.set(unit, m);
      context.previous = quote;
      if (firsts.size) context.leads = firsts;
    }
    return { facts, skipped };
  };
}

function dropThresholds(
  quantities: Quantity[],
  text: string,
  clauseOf: (at: number) => Span,
  isThreshold: (words: string) => boolean,
): Quantity[] {
  const windows = numberWindows(text, quantities, clauseOf);
  return quantities.filter((q, i) => {
    const w = windows[i] as Span;
    // A definition's amounts ("kekayaan bersih antara Rp50 juta hingga Rp500 juta") share its clause.
    const c = clauseOf(q.start);
    const money = q.unit === "rupiah" || q.unit === "usd";
    return !(
      isThreshold(`${text.slice(w.start, q.start)} ${text.slice(q.end, w.end)}`) ||
      (money && isThreshold(text.slice(c.start, c.end)))
    );
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
  where: { at: number; end: number; window: Span; clause: Span; sentence: boolean },
): Period | "now" | undefined {
  const distance = (d: Dated) => (d.end <= where.at ? where.at - d.end : d.start - where.end + 1);
  const nearestIn = (span: Span) =>
    dated
      .filter((d) => d.start >= span.start && d.end <= span.end)
      .sort((a, b) => distance(a) - distance(b))[0];
  const inSentence = where.sentence ? dated : [];
  const found =
    nearestIn(where.window) ??
    nearestIn(where.clause) ??
    inSentence.filter((d) => d.end <= where.at).at(-1) ??
    // After the number, only the day the statement was made: a "sekarang" further on dates another number.
    inSentence.find((d) => d.start >= where.end && (d.speech || d.period !== "now"));
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
): Map<Quantity, RegionMention> {
  const paired = new Map<Quantity, RegionMention>();
  const first = quantities[0];
  if (!first || mentions.length < 2) return paired;
  const before = mentions.filter((m) => m.end <= offset + first.start && m.region !== "nasional");
  if (before.length !== mentions.length) return paired;
  for (const unit of ["persen", "rupiah", "usd", "count"]) {
    const same = quantities.filter((q) => q.unit === unit);
    if (same.length !== before.length) continue;
    for (const [i, q] of same.entries()) paired.set(q, before[i] as RegionMention);
  }
  return paired;
}

/** "di Kota Sorong, Papua Barat Daya" and "Kabupaten Manokwari (Papua Barat)": the province only says where the city lies. */
function dropAppositives(mentions: RegionMention[], lex: Lexicon): RegionMention[] {
  return mentions.filter((m, i) => {
    const prev = mentions[i - 1];
    if (!prev || lex.places.get(m.region)?.level !== "provinsi") return true;
    const parent = lex.places.get(prev.region)?.province;
    return !(parent === m.region && m.start - prev.end <= 3);
  });
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

/** Long forms keep their commas out of the clause split: "usaha mikro, kecil, dan menengah" is one noun. */
function maskLongForms(text: string, forms: RegExp[]): string {
  let out = text;
  for (const re of forms) out = out.replace(re, (m) => m.replace(/,/g, " "));
  return out;
}

/** The dateline opens the first sentences, or a line of them ("Laporan Reporter ...\nPOS-KUPANG.COM, KUPANG –"). */
function findDatelineIn(body: string, sentences: Span[]) {
  for (const s of sentences.slice(0, 8)) {
    const text = body.slice(s.start, s.end);
    for (let at = 0; at >= 0 && at < text.length; at = text.indexOf("\n", at + 1)) {
      const from = at === 0 ? 0 : at + 1;
      const d = findDateline(text.slice(from));
      if (d) return { place: d.place, length: from + d.length, sentence: s };
      if (at === 0 && !text.includes("\n")) break;
    }
  }
  return undefined;
}

function mostMentioned(mentions: RegionMention[]): string | undefined {
  const count = new Map<string, number>();
  for (const m of mentions)
    if (m.region !== ABROAD) count.set(m.region, (count.get(m.region) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
}
