import { type Period, periodRange, periodWithin } from "../format/period";
import type { Lexicon } from "../lexicon/load";
import type { Article } from "../seeds/article";
import { foldKeepingPositions } from "../text/fold";
import { findDateline } from "./dateline";
import type { Dated } from "./period-of";
import { ABROAD, type RegionMention } from "./region-mentions";
import type { Span } from "./sentences";

export type Dateline = { place: string; length: number; sentence: Span };

export type PeriodsIn = (folded: string, original: string, offset: number) => Dated[];

/** The dateline opens the first sentences, or a line of them ("Laporan Reporter ...\nPOS-KUPANG.COM, KUPANG –"). */
export function findDatelineIn(body: string, sentences: Span[]): Dateline | undefined {
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

/** "di Kota Sorong, Papua Barat Daya" and "Kabupaten Manokwari (Papua Barat)": the province only says where the city lies. */
export function dropAppositives(mentions: RegionMention[], lex: Lexicon): RegionMention[] {
  return mentions.filter((m, i) => {
    const prev = mentions[i - 1];
    if (!prev || lex.places.get(m.region)?.level !== "provinsi") return true;
    const parent = lex.places.get(prev.region)?.province;
    return !(parent === m.region && m.start - prev.end <= 3);
  });
}

/**
 * The place an article names most often: what its figures are about when their own words name
 * none. Of places named as often, one its headline names, then the one named first.
 */
export function mostMentioned(
  mentions: RegionMention[],
  headline: ReadonlySet<string> = new Set(),
): string | undefined {
  const count = new Map<string, number>();
  for (const m of mentions)
    if (m.region !== ABROAD) count.set(m.region, (count.get(m.region) ?? 0) + 1);
  const titled = (region: string) => Number(headline.has(region));
  return [...count].sort((a, b) => b[1] - a[1] || titled(b[0]) - titled(a[0]))[0]?.[0];
}

/** "Jumlah UMKM di Kota Bandung Tahun 2023": a headline's one period dates the figures that name none. */
export function undatedPeriod(readPeriods: PeriodsIn, article: Article): Period {
  const { title, published } = article;
  const named = new Set<Period>();
  for (const d of readPeriods(foldKeepingPositions(title), title, 0))
    if (d.period !== "now" && periodRange(d.period).start <= periodRange(published).end)
      named.add(d.period);
  const [only] = named;
  return named.size === 1 && only !== undefined && !periodWithin(published, only)
    ? only
    : published;
}
