import { MONTHS, type Period, yearOf } from "../format/period";
import type { Lexicon } from "../lexicon/load";
import { phrasePattern } from "../text/fold";
import { makePeriodFinder, referenceOf } from "../text/periods";

/** A period named in a sentence, at body positions; `speech` marks the date a statement was made. */
export type Dated = {
  start: number;
  end: number;
  period: Period | "now";
  speech?: boolean;
  /** A starting point or a comparison's base ("sejak Agustus 2021", "dibanding tahun lalu"). */
  base?: boolean;
};

const SPEECH_DATE = /\((?:[\p{L}]+,?\s*)?(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\)/gu;

/**
 * The periods a sentence names, for one article: "pada 2023", "per Maret 2023", "tahun lalu"
 * (the year before the article's), "saat ini", a month without a year ("dan Juni"), and
 * the date a statement was made ("Selasa (28/11/2023)"). A law's year ("UU Nomor 20 tahun
 * 2008") is not the period of any figure.
 */
export function makePeriodReader(lex: Lexicon) {
  const findPeriods = makePeriodFinder(lex.time, { shortYears: false });
  const lawBefore = new RegExp(
    `(?:^|\\s)(?:${lex.extraction.lawCues.map(phrasePattern).join("|")})(?:\\s+[a-z0-9]+){0,4}\\s+(?:tahun\\s+)?$`,
  );
  const baseBefore = new RegExp(
    `(?:^|\\s)(?:${lex.extraction.basePeriodCues.map(phrasePattern).join("|")})\\s+(?:periode\\s+yang\\s+sama\\s+)?(?:pada\\s+)?$`,
  );
  const months = MONTHS.map((m) => m.toLowerCase()).join("|");
  const monthWord = new RegExp(`(?<![a-z])(${months})(?![a-z])`, "g");
  // Most sentences name no month: a plain search, much faster than one looking behind at
  // every place, spares them the full one.
  const anyMonth = new RegExp(months);

  return (published: Period) =>
    (folded: string, original: string, offset: number): Dated[] => {
      const ref = yearOf(published);
      const found: Dated[] = findPeriods(folded, referenceOf(published))
        .filter((p) => !lawBefore.test(folded.slice(Math.max(0, p.start - 40), p.start)))
        .map((p) => ({
          start: offset + p.start,
          end: offset + p.end,
          period: p.kind === "now" ? "now" : p.period,
        }));
      for (const m of original.matchAll(SPEECH_DATE)) {
        const [day, month] = [Number(m[1]), Number(m[2])];
        const year = m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : ref;
        if (month < 1 || month > 12 || day < 1 || day > 31) continue;
        const start = offset + (m.index ?? 0);
        const period = `${year}-${pad(month)}-${pad(day)}`;
        for (let i = found.length - 1; i >= 0; i--) {
          const f = found[i] as Dated;
          if (f.start >= start && f.end <= start + m[0].length) found.splice(i, 1);
        }
        found.push({ start, end: start + m[0].length, period, speech: true });
      }
      // "Mei 2021 sebesar Rp16,4 triliun dan Juni Rp26,5 triliun": a month alone takes the year named nearest.
      for (const m of anyMonth.test(folded) ? folded.matchAll(monthWord) : []) {
        const start = offset + (m.index ?? 0);
        if (found.some((f) => f.start <= start && f.end > start)) continue;
        const years = found
          .filter((f) => f.period !== "now")
          .map((f) => ({ y: yearOf(f.period), d: Math.abs(f.start - start) }));
        const year = years.sort((a, b) => a.d - b.d)[0]?.y ?? ref;
        const month = MONTHS.findIndex((n) => n.toLowerCase() === m[1]) + 1;
        found.push({ start, end: start + (m[1]?.length ?? 0), period: `${year}-${pad(month)}` });
      }
      const joined = joinMonthRanges(
        found.sort((a, b) => a.start - b.start),
        folded,
        offset,
      );
      for (const d of joined)
        if (baseBefore.test(folded.slice(Math.max(0, d.start - offset - 40), d.start - offset)))
          d.base = true;
      return joined;
    };
}

/**
 * "Januari hingga Agustus 2021" is a total up to August; "Januari-Maret 2024" is the first
 * quarter and "Januari hingga Desember 2020" the year.
 */
function joinMonthRanges(found: Dated[], folded: string, offset: number): Dated[] {
  const out: Dated[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i] as Dated;
    const b = found[i + 1];
    const between = b ? folded.slice(a.end - offset, b.start - offset) : "";
    const months = [a, b].map((d) =>
      d && d.period !== "now" ? d.period.match(/^(\d{4})-(\d{2})$/) : null,
    );
    if (
      b &&
      months[0] &&
      months[1] &&
      /^\s*(?:hingga|sampai|s d|sd)?\s*$/.test(between) &&
      months[0][2] === "01"
    ) {
      const [, year, end] = months[1];
      const period = end === "12" ? `${year}` : end === "03" ? `${year}-Q1` : `${year}-${end}`;
      out.push({ start: a.start, end: b.end, period });
      i++;
    } else out.push(a);
  }
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
