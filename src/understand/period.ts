import { parseIndonesianNumber, SCALES } from "../format/number";
import { formatPeriod, type Period } from "../format/period";
import type { TimeFile } from "../lexicon/time-schema";
import { makePeriodFinder } from "../text/periods";
import { readable } from "./normalize";

/**
 * `notes` say how words that needed today or a guess were read ("2 tahun lalu" dibaca 2024),
 * for the answer's assumptions.
 */
export type PeriodResult = {
  periods: Period[];
  latest: boolean;
  notes: string[];
  /** Months said without a year, whose year was taken from today: a follow-up takes it from the talk instead. */
  yearGuessed: Period[];
};
export type PeriodDetector = (words: string[], taken: boolean[], today: Date) => PeriodResult;

/**
 * Reads the time a question asks about, marking the words used. "tahun lalu" is relative
 * to `today`; "saat ini", "terbaru" ask for the latest figure rather than a period.
 */
export function makePeriodDetector(time: TimeFile): PeriodDetector {
  const find = makePeriodFinder(time, { shortYears: true });
  const monthOf = new Map(time.months.flatMap((m) => m.names.map((n) => [n, m.month] as const)));

  return (words, taken, today) => {
    const text = words.join(" ");
    const starts: number[] = [];
    for (let i = 0, at = 0; i < words.length; at += (words[i] as string).length + 1, i++)
      starts.push(at);
    const ref = { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1 };
    const found: Found[] = [];
    let latest = false;
    // Periods come in text order: the words each one covers are found from a cursor.
    let cursor = 0;
    for (const m of find(text, ref)) {
      while (cursor < words.length && (starts[cursor] as number) < m.start) cursor++;
      const inside: number[] = [];
      for (let i = cursor; i < words.length && (starts[i] as number) < m.end; i++) inside.push(i);
      // Words another detector took ("kini" in the outlet "Makassar Kini") say no time.
      if (inside.some((i) => taken[i])) continue;
      for (const i of inside) taken[i] = true;
      if (m.kind === "now") latest = true;
      else
        found.push({
          at: m.start,
          first: inside[0],
          last: inside.at(-1),
          period: m.period,
          said: m.relative ? text.slice(m.start, m.end) : undefined,
          guessed: m.yearGuessed,
        });
    }
    // "maret vs juni 2023": a month said without its year takes the year said nearest to it;
    // with no year said at all, it is the latest such month up to today.
    const years = [...found];
    words.forEach((w, i) => {
      const month = monthOf.get(w);
      if (taken[i] || month === undefined) return;
      taken[i] = true;
      const at = starts[i] ?? 0;
      const near = nearestTo(years, at);
      const year = near
        ? Number(near.period.slice(0, 4))
        : month <= ref.month
          ? ref.year
          : ref.year - 1;
      found.push({
        at,
        first: i,
        last: i,
        period: `${year}-${String(month).padStart(2, "0")}`,
        said: near ? undefined : w,
        yearFrom: near,
      });
    });
    found.sort((a, b) => a.at - b.at);
    const asked = joinRanges(found, words, time.rangeJoiners);
    const periods = [...new Set(asked.map((f) => f.period))];
    const notes = asked.flatMap((f) =>
      f.said ? [`"${f.said}" dibaca ${formatPeriod(f.period)}`] : [],
    );
    const yearGuessed = asked.flatMap((f) =>
      f.guessed || (f.said && monthOf.has(f.said)) ? [f.period] : [],
    );
    return { periods, latest, notes: [...new Set(notes)], yearGuessed };
  };
}

type Found = {
  at: number;
  period: Period;
  said?: string;
  guessed?: boolean;
  /** The words it was read from, by index. */
  first?: number;
  last?: number;
  /** A month said alone: the year said that it took. */
  yearFrom?: Found;
};

/**
 * "jan-okt 2024", "januari sampai september 2024": from January to a month is the total up to
 * it (the year for December, the first quarter for March), as articles report it; and a year
 * said only to date such months ("2 thn lalu jan-juli") is no period of its own.
 */
function joinRanges(found: Found[], words: readonly string[], joiners: readonly string[]): Found[] {
  const out: Found[] = [];
  for (let i = 0; i < found.length; i++) {
    const [a, b] = [found[i] as Found, found[i + 1]];
    const between =
      a.last !== undefined && b?.first !== undefined ? words.slice(a.last + 1, b.first) : undefined;
    const range =
      b &&
      between?.every((w) => joiners.includes(w)) &&
      a.period.endsWith("-01") &&
      a.period.slice(0, 4) === b.period.slice(0, 4);
    if (!range) {
      out.push(a);
      continue;
    }
    const [year, end] = [b.period.slice(0, 4), b.period.slice(5)];
    out.push({
      ...b,
      at: a.at,
      period: end === "12" ? year : end === "03" ? `${year}-Q1` : b.period,
    });
    i++;
  }
  const dating = new Set(out.flatMap((f) => (f.yearFrom ? [f.yearFrom] : [])));
  return out.filter((f) => !dating.has(f) || !/^\d{4}$/.test(f.period));
}

/** Of periods in text order, the one nearest `at`; between two as near, the earlier. */
function nearestTo<T extends { at: number }>(sorted: readonly T[], at: number): T | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as T).at < at) lo = mid + 1;
    else hi = mid;
  }
  const before = sorted[lo - 1];
  const after = sorted[lo];
  if (!before) return after;
  if (!after) return before;
  return at - before.at <= after.at - at ? before : after;
}

/** Numbers quoted in a question, other than years: "27 juta" is 27000000, "273.457" is 273457. */
export function quotedNumbers(question: string): number[] {
  const re = new RegExp(
    `(?<![\\d.,])(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d+))?(?:\\s*(${Object.keys(SCALES).join("|")})\\b)?`,
    "gi",
  );
  const out: number[] = [];
  for (const m of readable(question).matchAll(re)) {
    const value = parseIndonesianNumber(m[0].replace(/\s+/, " "));
    const isYear = !m[2] && !m[3] && value >= 1900 && value <= 2100;
    if (Number.isFinite(value) && !isYear) out.push(value);
  }
  return out;
}
