import { parseIndonesianNumber, SCALES } from "../format/number";
import { MONTHS, type Period } from "../format/period";
import { findPeriods } from "../text/periods";

export type PeriodResult = { periods: Period[]; latest: boolean };

/**
 * Reads the time a question asks about, marking the words used. "tahun lalu" is relative
 * to `today`; "saat ini", "terbaru" ask for the latest figure rather than a period.
 */
export function detectPeriod(words: string[], taken: boolean[], today: Date): PeriodResult {
  const text = words.join(" ");
  const starts = words.map((_, i) => words.slice(0, i).join(" ").length + (i ? 1 : 0));
  const found: { at: number; period: Period }[] = [];
  let latest = false;
  for (const m of findPeriods(text, today.getUTCFullYear())) {
    words.forEach((_, i) => {
      if ((starts[i] ?? 0) >= m.start && (starts[i] ?? 0) < m.end) taken[i] = true;
    });
    if (m.kind === "now") latest = true;
    else found.push({ at: m.start, period: m.period });
  }
  // "maret vs juni 2023": a month said without its year takes the year said nearest to it.
  words.forEach((w, i) => {
    const month = MONTHS.findIndex((m) => m.toLowerCase() === w);
    const near = found
      .map((f) => ({ f, d: Math.abs(f.at - (starts[i] ?? 0)) }))
      .sort((a, b) => a.d - b.d)[0];
    if (taken[i] || month < 0 || !near) return;
    taken[i] = true;
    found.push({
      at: starts[i] ?? 0,
      period: `${near.f.period.slice(0, 4)}-${String(month + 1).padStart(2, "0")}`,
    });
  });
  const periods = [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.period))];
  return { periods, latest };
}

/** Numbers quoted in a question, other than years: "27 juta" is 27000000, "273.457" is 273457. */
export function quotedNumbers(question: string): number[] {
  const re = new RegExp(
    `(?<![\\d.,])(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d+))?(?:\\s*(${Object.keys(SCALES).join("|")})\\b)?`,
    "gi",
  );
  const out: number[] = [];
  for (const m of question.slice(0, 2000).matchAll(re)) {
    const value = parseIndonesianNumber(m[0].replace(/\s+/, " "));
    const isYear = !m[2] && !m[3] && value >= 1900 && value <= 2100;
    if (Number.isFinite(value) && !isYear) out.push(value);
  }
  return out;
}
