import type { Fact } from "../facts/fact-schema";
import { comparePeriods, type Period, periodRange } from "../format/period";
import type { Lexicon } from "../lexicon/load";
import type { Article } from "../seeds/article";
import { foldKeepingPositions, phrasePattern } from "../text/fold";
import { makePeriodFinder, type PeriodFinder, referenceOf } from "../text/periods";
import {
  classify,
  collapseLongForms,
  compileLongForms,
  cueText,
  hasCue,
  pad,
  padRules,
} from "./cues";
import { findDateline } from "./dateline";
import { findNumbers, type NumberMention } from "./numbers";
import { makeRegionFinder, type RegionMention } from "./region-mentions";
import { quoteSegments, type Span, splitSentences } from "./sentences";

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
  | "sure"
> & {
  /** Whether the sentence itself named the region, rather than the text around it. */
  regionStated: boolean;
};

/** A number that looked like a statistic but matched no metric: shown to admins. */
export type SkippedNumber = { written: string; quote: string };

export type Extraction = { facts: ExtractedFact[]; skipped: SkippedNumber[] };

export function makeExtractor(lex: Lexicon): (article: Article) => Extraction {
  const x = lex.extraction;
  const longForms = compileLongForms(x.longForms);
  const [rules, targetCues, anaphora] = [padRules(x.rules), pad(x.targetCues), pad(x.anaphora)];
  const unitOf = new Map(lex.metrics.map((m) => [m.id, m.unit]));
  const labelOf = new Map(lex.metrics.map((m) => [m.id, m.label]));
  const regions = makeRegionFinder(lex);
  const findPeriods = makePeriodFinder(lex.time, { shortYears: false });
  const words = (text: string) => cueText(text, longForms);
  const collapse = (text: string) => collapseLongForms(text, longForms);
  const denominatorCue = new RegExp(
    `\\b(?:${x.denominatorCues.map(phrasePattern).join("|")})\\b`,
    "i",
  );

  return (article) => {
    const { body, published } = article;
    const sentences = splitSentences(body);
    const folded = foldKeepingPositions(body);
    const dateline = findDatelineIn(body, sentences);
    const allMentions = regions.mentions(folded);
    const articleRegion =
      (dateline && regions.ofPlace(dateline.place)) ?? mostMentioned(allMentions) ?? "nasional";

    const facts: ExtractedFact[] = [];
    const skipped: SkippedNumber[] = [];
    let contextRegion: string | undefined;
    let contextPeriod: Period | undefined;
    let previous = "";
    let cursor = 0;

    for (const s of sentences) {
      const quote = body.slice(s.start, s.end);
      // The dateline names where the news was filed, not what the numbers are about.
      const from = s.start + (dateline?.sentence === s ? dateline.length : 0);
      while (cursor < allMentions.length && (allMentions[cursor] as RegionMention).start < from)
        cursor++;
      const mentions: RegionMention[] = [];
      for (
        let c = cursor;
        c < allMentions.length && (allMentions[c] as RegionMention).end <= s.end;
        c++
      ) {
        mentions.push(allMentions[c] as RegionMention);
      }
      const anaphoric = hasCue(words(quote.slice(0, 40)).slice(0, 25), anaphora);
      const sentenceFacts: ExtractedFact[] = [];

      for (const seg of quoteSegments(body, s)) {
        const text = body.slice(seg.start, seg.end);
        const numbers = findNumbers(text, x.countUnits);
        numbers.forEach((n, i) => {
          const w = windows(text, numbers, i, collapse, denominatorCue);
          const nearWords = words(w.near);
          const rule =
            classify(words(w.clause), rules, n.percent) ??
            classify(nearWords, rules, n.percent) ??
            (n.percent ? classify(words(text), rules, true) : undefined) ??
            (anaphoric ? classify(words(`${previous} ${w.near}`), rules, n.percent) : undefined);
          if (!rule) {
            skipped.push({ written: n.written, quote });
            return;
          }
          const metric = w.denominator ? x.denominatorMetric : rule.metric;
          const local = nearest(
            mentions.filter((m) => m.start >= seg.start && m.end <= seg.end),
            seg.start + n.start,
          );
          const near = periodNear(folded.slice(seg.start, seg.end), n, w, (text) =>
            findPeriods(text, referenceOf(published)),
          );
          const period =
            (near === "now" ? published : near) ??
            (anaphoric ? contextPeriod : undefined) ??
            published;
          const future = periodRange(period).start > periodRange(published).end;
          sentenceFacts.push({
            metric,
            measure: labelOf.get(metric) ?? metric,
            periodAssumed: !near,
            sure: true,
            region: local?.region ?? contextRegion ?? articleRegion,
            period,
            kind: future || hasCue(nearWords, targetCues) ? "target" : "realisasi",
            value: n.value,
            unit: n.percent
              ? "persen"
              : ["unit", "orang"].includes(n.nextWord)
                ? n.nextWord
                : (unitOf.get(metric) ?? "unit"),
            written: n.written,
            quote,
            regionStated: Boolean(local),
          });
        });
      }

      facts.push(...sentenceFacts);
      const last = mentions.at(-1);
      if (last) contextRegion = last.region;
      const lastPeriod = sentenceFacts
        .map((f) => f.period)
        .sort(comparePeriods)
        .at(-1);
      if (lastPeriod) contextPeriod = lastPeriod;
      previous = quote;
    }
    return { facts, skipped };
  };
}

function findDatelineIn(body: string, sentences: Span[]) {
  for (const s of sentences.slice(0, 8)) {
    const d = findDateline(body.slice(s.start, s.end));
    if (d) return { ...d, sentence: s };
  }
  return undefined;
}

/**
 * The text around number i that speaks of it: from the previous number to the next.
 * `clause` stops at commas; a denominator ("70 persen dari total ... 273.457") starts at
 * its cue, so the share's words do not describe the total.
 */
function windows(
  text: string,
  numbers: NumberMention[],
  i: number,
  collapse: (t: string) => string,
  denominatorCue: RegExp,
) {
  const n = numbers[i] as NumberMention;
  const prev = numbers[i - 1];
  let from = prev?.end ?? 0;
  let to = numbers[i + 1]?.start ?? text.length;
  let before = text.slice(from, n.start);
  let after = text.slice(n.end, to);
  const denominatorAt = before.search(denominatorCue);
  // Only a count is a denominator: "dari jumlah itu, 62 persen" is a share of it.
  const denominator =
    !n.percent && (denominatorAt >= 0 || (Boolean(prev?.percent) && /^\s*dari\s*$/i.test(before)));
  if (denominator && denominatorAt >= 0) {
    before = before.slice(denominatorAt);
    from += denominatorAt;
  }
  const cut = after.search(denominatorCue);
  if (cut >= 0) {
    after = after.slice(0, cut);
    to = n.end + cut;
  }
  // Long forms first: the commas in "usaha mikro, kecil, dan menengah" are not clause breaks.
  const clause = `${collapse(before).split(/[,;]/).at(-1)} ${collapse(after).split(/[,;]/)[0]}`;
  return { denominator, clause, near: `${before} ${after}`, from, to };
}

/**
 * The period mentioned closest to the number, between its neighbours; "now" for "saat ini".
 * `segment` is folded, so its positions are the numbers' positions.
 */
function periodNear(
  segment: string,
  n: NumberMention,
  w: { from: number; to: number },
  findPeriods: (text: string) => ReturnType<PeriodFinder>,
): Period | "now" | undefined {
  const window = `${segment.slice(w.from, n.start)} ${segment.slice(n.end, w.to)}`;
  const at = n.start - w.from;
  const best = findPeriods(window)
    .map((p) => ({ p, d: p.end <= at ? at - p.end : p.start - at - 1 }))
    .sort((a, b) => a.d - b.d)[0]?.p;
  if (!best) return undefined;
  return best.kind === "now" ? "now" : best.period;
}

function nearest(mentions: RegionMention[], at: number): RegionMention | undefined {
  return mentions
    .map((m) => ({ m, d: Math.min(Math.abs(m.start - at), Math.abs(m.end - at)) }))
    .sort((a, b) => a.d - b.d)[0]?.m;
}

function mostMentioned(mentions: RegionMention[]): string | undefined {
  const count = new Map<string, number>();
  for (const m of mentions) count.set(m.region, (count.get(m.region) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
}
