import type { Period } from "../format/period";
import type { TimeFile, TimeUnit } from "../lexicon/time-schema";

/**
 * A period found in text. `relative` is set when the words needed a reference date or a
 * reading to become a period ("tahun lalu", "akhir 2019"): a question's answer says so.
 */
export type PeriodMention =
  | {
      start: number;
      end: number;
      kind: "period";
      period: Period;
      relative: boolean;
      /** A quarter or semester said without a year ("triwulan 2"): its year is today's guess. */
      yearGuessed?: boolean;
    }
  | { start: number; end: number; kind: "now" };

/** What "now" is: the article's date when reading an article, today when reading a question. */
export type PeriodRef = { year: number; month?: number };

/** "2023-12-04" as a reference: its year and, when it has one, its month. */
export function referenceOf(date: Period): PeriodRef {
  const month = Number(date.slice(5, 7));
  return { year: Number(date.slice(0, 4)), month: month || undefined };
}

export type PeriodFinder = (folded: string, ref: PeriodRef) => PeriodMention[];

export type PeriodFinderOptions = {
  /**
   * "thn 21", "juni 23": people type these; articles do not, and there "Juni, 23 persen"
   * folds to the same words, so two-digit years are read in questions only.
   */
  shortYears: boolean;
};

type Token = { text: string; start: number; end: number };
type Found =
  | { kind: "period"; period: Period; relative: boolean; next: number; yearGuessed?: boolean }
  | { kind: "now"; next: number };
type Year = { year: number; relative: boolean; next: number };

/** Phrases over tokens, longest first. */
class Phrases<T> {
  private readonly map: Map<string, T>;
  private readonly longest: number;
  // Most words start no phrase: one set lookup settles them. Longer phrases grow word by word
  // only while they still start one.
  private readonly starts: Set<string>;
  private readonly prefixes: Set<string>;

  constructor(entries: Iterable<readonly [string, T]>) {
    this.map = new Map(entries);
    this.longest = Math.max(1, ...[...this.map.keys()].map((k) => k.split(" ").length));
    this.starts = new Set(this.firstWords());
    this.prefixes = new Set(
      [...this.map.keys()].flatMap((k) =>
        k.split(" ").map((_, i, w) => w.slice(0, i + 1).join(" ")),
      ),
    );
  }

  at(tokens: readonly Token[], i: number): { value: T; next: number } | undefined {
    const first = tokens[i]?.text ?? "";
    if (!this.starts.has(first)) return undefined;
    // The longest phrase that starts here, as if tried from the longest down.
    let phrase = first;
    let found: { value: T; next: number } | undefined;
    const most = Math.min(this.longest, tokens.length - i);
    for (let n = 1; n <= most; n++) {
      if (n > 1) {
        phrase = `${phrase} ${(tokens[i + n - 1] as Token).text}`;
        if (!this.prefixes.has(phrase)) break;
      }
      const value = this.map.get(phrase);
      if (value !== undefined) found = { value, next: i + n };
    }
    return found;
  }

  firstWords(): string[] {
    return [...this.map.keys()].map((k) => k.split(" ")[0] ?? k);
  }
}

const set = (words: readonly string[]) => new Phrases(words.map((w) => [w, true] as const));
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Builds the period finder from the time words of intents/time.json. It reads folded text
 * ("per maret 2023", "triwulan iv tahun 2023", "semester i 2021", "2 tahun lalu", "akhir
 * 2019", "last year", "saat ini") word by word, left to right, the longest reading at each
 * word first.
 */
export function makePeriodFinder(time: TimeFile, options: PeriodFinderOptions): PeriodFinder {
  const months = new Phrases(
    time.months.flatMap((m) => [...m.names, ...m.short].map((w) => [w, m.month] as const)),
  );
  const units = new Phrases<TimeUnit>([
    ...time.units.year.map((w) => [w, "year"] as const),
    ...time.units.month.map((w) => [w, "month"] as const),
  ]);
  const yearUnit = set(time.units.year);
  const oneUnit = new Phrases(Object.entries(time.oneUnit));
  const after = new Phrases(Object.entries(time.relative.after));
  const before = new Phrases(Object.entries(time.relative.before));
  const ago = set(time.ago);
  const later = set(time.later);
  const numbers = new Phrases(Object.entries(time.numbers));
  const quarter = set(time.quarter);
  const semester = set(time.semester);
  const ordinals = new Phrases(Object.entries(time.ordinals));
  const edges = new Phrases([
    ...time.edges.start.map((w) => [w, "start"] as const),
    ...time.edges.end.map((w) => [w, "end"] as const),
  ]);
  const joiners = set(time.yearJoiners);
  const countWords = new Set(time.countWords);
  const now = set(time.now);
  // Without a digit or one of these words there is no period to find: most text has neither.
  const triggers = new Set([
    ...months.firstWords(),
    ...units.firstWords(),
    ...oneUnit.firstWords(),
    ...now.firstWords(),
  ]);

  /** A year: "2023", "tahun 2023", "tahun 23", "thn lalu", "last year"; after a period, also "23". */
  function yearAt(t: Token[], i: number, ref: PeriodRef, shortBare: boolean): Year | undefined {
    const j = joiners.at(t, i)?.next ?? i;
    const unit = yearUnit.at(t, j);
    const k = unit?.next ?? j;
    const word = t[k]?.text ?? "";
    if (/^(19|20)\d\d$/.test(word)) return { year: Number(word), relative: false, next: k + 1 };
    const nextWord = t[k + 1]?.text ?? "";
    if (
      options.shortYears &&
      (unit || shortBare) &&
      /^\d\d$/.test(word) &&
      !countWords.has(nextWord)
    ) {
      const yy = Number(word);
      const century = Math.floor(ref.year / 100) * 100;
      // "thn 21" is 2021 and "'98" 1998: a two-digit year is at most a decade ahead of now.
      const year = yy <= (ref.year % 100) + 10 ? century + yy : century - 100 + yy;
      return { year, relative: false, next: k + 1 };
    }
    if (unit) {
      const rel = after.at(t, k);
      if (rel) return { year: ref.year + rel.value, relative: true, next: rel.next };
      return undefined;
    }
    const rel = before.at(t, j);
    const u = rel && yearUnit.at(t, rel.next);
    if (rel && u) return { year: ref.year + rel.value, relative: true, next: u.next };
    return undefined;
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
  function yearAfter(
    t: Token[],
    i: number,
    ref: PeriodRef,
    first: number,
    last: number,
  ): Year | undefined {
    const y = yearAt(t, i, ref, true);
    if (y) return y;
    const rel = after.at(t, i);
    if (!rel) return undefined;
    return { year: yearOfStep(rel.value, first, last, ref), relative: true, next: rel.next };
  }

  /** "triwulan 2 2023", "q1 23", "kuartal pertama tahun lalu", "second quarter 2023"; halves alike. */
  function partOfYear(
    t: Token[],
    i: number,
    ref: PeriodRef,
    words: Phrases<true>,
    parts: number,
    letter: string,
  ): Found | undefined {
    let n: number | undefined;
    let next = i;
    const w = words.at(t, i);
    if (w) {
      const o = ordinals.at(t, w.next);
      if (o) [n, next] = [o.value, o.next];
    } else {
      // "second quarter": an ordinal word may come first; "2 triwulan" counts quarters.
      const o = ordinals.at(t, i);
      const word = o && !/^[\divx]+$/.test(t[i]?.text ?? "") ? words.at(t, o.next) : undefined;
      if (o && word) [n, next] = [o.value, word.next];
    }
    if (n === undefined || n > parts) return undefined;
    const span = 12 / parts;
    const y = yearAfter(t, next, ref, (n - 1) * span + 1, n * span);
    if (!y) {
      // "kalau triwulan 2?": in a question, the latest such part up to today, said to be a guess.
      if (!options.shortYears || !w) return undefined;
      const year = (n - 1) * span + 1 > (ref.month ?? 12) ? ref.year - 1 : ref.year;
      return {
        kind: "period",
        period: `${year}-${letter}${n}`,
        relative: true,
        next,
        yearGuessed: true,
      };
    }
    return {
      kind: "period",
      period: `${y.year}-${letter}${n}`,
      relative: y.relative,
      next: y.next,
    };
  }

  function monthAt(t: Token[], i: number, ref: PeriodRef): Found | undefined {
    const m = months.at(t, i);
    const y = m && yearAfter(t, m.next, ref, m.value, m.value);
    if (!m || !y) return undefined;
    return {
      kind: "period",
      period: `${y.year}-${pad(m.value)}`,
      relative: y.relative,
      next: y.next,
    };
  }

  /** "awal 2019" is the year; "akhir 2019", "akhir tahun lalu" its December, the figure at year end. */
  function edgeAt(t: Token[], i: number, ref: PeriodRef): Found | undefined {
    const e = edges.at(t, i);
    const y = e && yearAt(t, e.next, ref, false);
    if (!e || !y) return undefined;
    const period = e.value === "end" ? `${y.year}-12` : `${y.year}`;
    return { kind: "period", period, relative: true, next: y.next };
  }

  /** "2 tahun lalu", "dua tahun lalu", "setahun lalu", "3 years ago", "2 bulan lalu", "2 tahun lagi". */
  function countedAt(t: Token[], i: number, ref: PeriodRef): Found | undefined {
    const one = oneUnit.at(t, i);
    let n: number | undefined;
    let unit: TimeUnit | undefined;
    let next = i;
    if (one) [n, unit, next] = [1, one.value, one.next];
    else {
      const digits = t[i]?.text ?? "";
      const word = numbers.at(t, i);
      const count = /^\d{1,2}$/.test(digits) ? { value: Number(digits), next: i + 1 } : word;
      const u = count && units.at(t, count.next);
      if (count && u) [n, unit, next] = [count.value, u.value, u.next];
    }
    if (n === undefined || unit === undefined) return undefined;
    const back = ago.at(t, next);
    const on = back ? undefined : later.at(t, next);
    if (!back && !on) return undefined;
    const step = back ? -n : n;
    const period = shift(unit, step, ref);
    const end = (back ?? on)?.next ?? next;
    return period ? { kind: "period", period, relative: true, next: end } : undefined;
  }

  /** "tahun lalu", "bulan ini", "tahun depan", "last month", "next year". */
  function relativeAt(t: Token[], i: number, ref: PeriodRef): Found | undefined {
    const u = units.at(t, i);
    const a = u && after.at(t, u.next);
    const b = u ? undefined : before.at(t, i);
    const bu = b && units.at(t, b.next);
    const unit = u && a ? u.value : bu?.value;
    const step = u && a ? a.value : b?.value;
    const next = u && a ? a.next : bu?.next;
    if (unit === undefined || step === undefined || next === undefined) return undefined;
    const period = shift(unit, step, ref);
    return period ? { kind: "period", period, relative: true, next } : undefined;
  }

  function yearPeriodAt(t: Token[], i: number, ref: PeriodRef): Found | undefined {
    const y = yearAt(t, i, ref, false);
    return y && { kind: "period", period: `${y.year}`, relative: y.relative, next: y.next };
  }

  function nowAt(t: Token[], i: number): Found | undefined {
    const n = now.at(t, i);
    return n && { kind: "now", next: n.next };
  }

  // The words any reading can start with; a word that is none of these (nor digits) starts none.
  const openers = new Set(
    [
      quarter,
      semester,
      ordinals,
      months,
      edges,
      oneUnit,
      numbers,
      units,
      before,
      joiners,
      yearUnit,
      now,
    ].flatMap((p: Phrases<unknown>) => p.firstWords()),
  );

  const readers: ((t: Token[], i: number, ref: PeriodRef) => Found | undefined)[] = [
    (t, i, ref) => partOfYear(t, i, ref, quarter, 4, "Q"),
    (t, i, ref) => partOfYear(t, i, ref, semester, 2, "S"),
    monthAt,
    edgeAt,
    countedAt,
    relativeAt,
    yearPeriodAt,
    nowAt,
  ];

  return (folded, ref) => {
    const tokens = tokensOf(folded);
    if (!tokens.some((t) => isDigit(t.text.charCodeAt(0)) || triggers.has(t.text))) return [];
    const found: PeriodMention[] = [];
    for (let i = 0; i < tokens.length; ) {
      const text = (tokens[i] as Token).text;
      if (!openers.has(text) && !isDigit(text.charCodeAt(0))) {
        i++;
        continue;
      }
      let hit: Found | undefined;
      for (const read of readers) {
        hit = read(tokens, i, ref);
        if (hit) break;
      }
      if (!hit) {
        i++;
        continue;
      }
      const start = tokens[i]?.start ?? 0;
      const end = tokens[hit.next - 1]?.end ?? start;
      found.push(
        hit.kind === "now"
          ? { kind: "now", start, end }
          : {
              kind: "period",
              period: hit.period,
              relative: hit.relative,
              start,
              end,
              ...(hit.yearGuessed ? { yearGuessed: true } : {}),
            },
      );
      i = hit.next;
    }
    return found;
  };
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => c >= 97 && c <= 122;

/** Runs of letters a-z and runs of digits, as /[a-z]+|\d+/g finds them, in one pass. */
function tokensOf(folded: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < folded.length; ) {
    const c = folded.charCodeAt(i);
    const kind = isLetter(c) ? isLetter : isDigit(c) ? isDigit : undefined;
    if (!kind) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < folded.length && kind(folded.charCodeAt(end))) end++;
    tokens.push({ text: folded.slice(i, end), start: i, end });
    i = end;
  }
  return tokens;
}

/** Now moved by whole years or months; a month step needs the reference's month. */
function shift(unit: TimeUnit, step: number, ref: PeriodRef): Period | undefined {
  if (unit === "year") return `${ref.year + step}`;
  if (ref.month === undefined) return undefined;
  const index = ref.year * 12 + ref.month - 1 + step;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}
