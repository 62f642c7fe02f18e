import type { Period } from "../format/period";
import type { TimeUnit } from "../lexicon/time-schema";
import type { TimeWords } from "./time-words";
import type { Phrases, Token } from "./token-phrases";

/** What "now" is: the article's date when reading an article, today when reading a question. */
export type PeriodRef = { year: number; month?: number };

/** One text being read: its tokens, what "now" is, and the words of time. */
export type Reading = {
  tokens: Token[];
  ref: PeriodRef;
  words: TimeWords;
  /**
   * "thn 21", "juni 23": people type these; articles do not, and there "Juni, 23 persen"
   * folds to the same words, so two-digit years are read in questions only.
   */
  shortYears: boolean;
};

/** A reading that starts at a token; `next` is the token after it. */
export type Found =
  | { kind: "period"; period: Period; relative: boolean; next: number; yearGuessed?: boolean }
  | { kind: "now"; next: number };
type Year = { year: number; relative: boolean; next: number };

const pad = (n: number) => String(n).padStart(2, "0");

/** The first reading that starts at token i, the longer kinds tried first. */
export function readPeriodAt(r: Reading, i: number): Found | undefined {
  return (
    partOfYear(r, i, r.words.quarter, 4, "Q") ??
    partOfYear(r, i, r.words.semester, 2, "S") ??
    monthAt(r, i) ??
    edgeAt(r, i) ??
    countedAt(r, i) ??
    relativeAt(r, i) ??
    yearPeriodAt(r, i) ??
    nowAt(r, i)
  );
}

/** A year: "2023", "tahun 2023", "tahun 23", "thn lalu", "last year"; after a period, also "23". */
function yearAt(r: Reading, i: number, shortBare: boolean): Year | undefined {
  const { tokens: t, ref, words: w } = r;
  const j = w.joiners.at(t, i)?.next ?? i;
  const unit = w.yearUnit.at(t, j);
  const k = unit?.next ?? j;
  const word = t[k]?.text ?? "";
  if (/^(19|20)\d\d$/.test(word)) return { year: Number(word), relative: false, next: k + 1 };
  const nextWord = t[k + 1]?.text ?? "";
  if (r.shortYears && (unit || shortBare) && /^\d\d$/.test(word) && !w.countWords.has(nextWord))
    return { year: fullYear(Number(word), ref), relative: false, next: k + 1 };
  if (unit) {
    const rel = w.after.at(t, k);
    if (rel) return { year: ref.year + rel.value, relative: true, next: rel.next };
    return undefined;
  }
  const rel = w.before.at(t, j);
  const u = rel && w.yearUnit.at(t, rel.next);
  if (rel && u) return { year: ref.year + rel.value, relative: true, next: u.next };
  return undefined;
}

/** "thn 21" is 2021 and "'98" 1998: a two-digit year is at most a decade ahead of now. */
function fullYear(yy: number, ref: PeriodRef): number {
  const century = Math.floor(ref.year / 100) * 100;
  return yy <= (ref.year % 100) + 10 ? century + yy : century - 100 + yy;
}

/**
 * "juni lalu", "triwulan iv lalu": a step from now with no year unit. The period, from month
 * `first` to `last`, is the last one ended before now ("maret lalu" in December is this
 * year's March), or the next one to start.
 */
function yearOfStep(step: number, first: number, last: number, ref: PeriodRef): number {
  if (step === 0 || ref.month === undefined) return ref.year + step;
  if (step < 0) return ref.year + step + (last < ref.month ? 1 : 0);
  return ref.year + step - (first > ref.month ? 1 : 0);
}

/** A year, or a bare step ("lalu"), after a quarter, a semester or a month. */
function yearAfter(r: Reading, i: number, first: number, last: number): Year | undefined {
  const y = yearAt(r, i, true);
  if (y) return y;
  const rel = r.words.after.at(r.tokens, i);
  if (!rel) return undefined;
  return { year: yearOfStep(rel.value, first, last, r.ref), relative: true, next: rel.next };
}

/** Which part of a year is said, and where its year may follow. */
function partNumberAt(
  r: Reading,
  i: number,
  words: Phrases<true>,
): { n: number; next: number; named: boolean } | undefined {
  const { tokens: t, words: w } = r;
  const named = words.at(t, i);
  if (named) {
    const o = w.ordinals.at(t, named.next);
    return o && { n: o.value, next: o.next, named: true };
  }
  // "second quarter": an ordinal word may come first; "2 triwulan" counts quarters.
  const o = w.ordinals.at(t, i);
  const word = o && !/^[\divx]+$/.test(t[i]?.text ?? "") ? words.at(t, o.next) : undefined;
  return o && word && { n: o.value, next: word.next, named: false };
}

/** "triwulan 2 2023", "q1 23", "kuartal pertama tahun lalu", "second quarter 2023"; halves alike. */
function partOfYear(
  r: Reading,
  i: number,
  words: Phrases<true>,
  parts: number,
  letter: string,
): Found | undefined {
  const part = partNumberAt(r, i, words);
  if (!part || part.n > parts) return undefined;
  const { n, next } = part;
  const span = 12 / parts;
  const y = yearAfter(r, next, (n - 1) * span + 1, n * span);
  if (y)
    return {
      kind: "period",
      period: `${y.year}-${letter}${n}`,
      relative: y.relative,
      next: y.next,
    };
  // "kalau triwulan 2?": in a question, the latest such part up to today, said to be a guess.
  if (!r.shortYears || !part.named) return undefined;
  const year = (n - 1) * span + 1 > (r.ref.month ?? 12) ? r.ref.year - 1 : r.ref.year;
  return {
    kind: "period",
    period: `${year}-${letter}${n}`,
    relative: true,
    next,
    yearGuessed: true,
  };
}

function monthAt(r: Reading, i: number): Found | undefined {
  const m = r.words.months.at(r.tokens, i);
  const y = m && yearAfter(r, m.next, m.value, m.value);
  if (!m || !y) return undefined;
  return {
    kind: "period",
    period: `${y.year}-${pad(m.value)}`,
    relative: y.relative,
    next: y.next,
  };
}

/** "awal 2019" is the year; "akhir 2019", "akhir tahun lalu" its December, the figure at year end. */
function edgeAt(r: Reading, i: number): Found | undefined {
  const e = r.words.edges.at(r.tokens, i);
  const y = e && yearAt(r, e.next, false);
  if (!e || !y) return undefined;
  const period = e.value === "end" ? `${y.year}-12` : `${y.year}`;
  return { kind: "period", period, relative: true, next: y.next };
}

/** How many years or months are counted at token i: "setahun", "2 tahun", "dua bulan". */
function countAt(r: Reading, i: number): { n: number; unit: TimeUnit; next: number } | undefined {
  const { tokens: t, words: w } = r;
  const one = w.oneUnit.at(t, i);
  if (one) return { n: 1, unit: one.value, next: one.next };
  const digits = t[i]?.text ?? "";
  const count = /^\d{1,2}$/.test(digits)
    ? { value: Number(digits), next: i + 1 }
    : w.numbers.at(t, i);
  const u = count && w.units.at(t, count.next);
  return count && u && { n: count.value, unit: u.value, next: u.next };
}

/** "2 tahun lalu", "dua tahun lalu", "setahun lalu", "3 years ago", "2 bulan lalu", "2 tahun lagi". */
function countedAt(r: Reading, i: number): Found | undefined {
  const count = countAt(r, i);
  if (!count) return undefined;
  const { n, unit, next } = count;
  const back = r.words.ago.at(r.tokens, next);
  const on = back ? undefined : r.words.later.at(r.tokens, next);
  if (!back && !on) return undefined;
  const step = back ? -n : n;
  const period = shift(unit, step, r.ref);
  const end = (back ?? on)?.next ?? next;
  return period ? { kind: "period", period, relative: true, next: end } : undefined;
}

/** "tahun lalu", "bulan ini", "tahun depan", "last month", "next year". */
function relativeAt(r: Reading, i: number): Found | undefined {
  const { tokens: t, words: w } = r;
  const u = w.units.at(t, i);
  const a = u && w.after.at(t, u.next);
  const b = u ? undefined : w.before.at(t, i);
  const bu = b && w.units.at(t, b.next);
  const unit = u && a ? u.value : bu?.value;
  const step = u && a ? a.value : b?.value;
  const next = u && a ? a.next : bu?.next;
  if (unit === undefined || step === undefined || next === undefined) return undefined;
  const period = shift(unit, step, r.ref);
  return period ? { kind: "period", period, relative: true, next } : undefined;
}

function yearPeriodAt(r: Reading, i: number): Found | undefined {
  const y = yearAt(r, i, false);
  return y && { kind: "period", period: `${y.year}`, relative: y.relative, next: y.next };
}

function nowAt(r: Reading, i: number): Found | undefined {
  const n = r.words.now.at(r.tokens, i);
  return n && { kind: "now", next: n.next };
}

/** Now moved by whole years or months; a month step needs the reference's month. */
function shift(unit: TimeUnit, step: number, ref: PeriodRef): Period | undefined {
  if (unit === "year") return `${ref.year + step}`;
  if (ref.month === undefined) return undefined;
  const index = ref.year * 12 + ref.month - 1 + step;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}
