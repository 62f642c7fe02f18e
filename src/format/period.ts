import { z } from "zod";

/**
 * A period is a year, a month, a day, a quarter or a half year: "2023", "2023-03",
 * "2023-12-04", "2023-Q4", "2021-S1".
 */
export const periodSchema = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-Q[1-4]|-S[12])?$/,
    "period must be YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Sn",
  )
  .refine((p) => !/^\d{4}-\d{2}-\d{2}$/.test(p) || isRealDate(p), "no such date");

export type Period = z.infer<typeof periodSchema>;

export const MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
] as const;

const ROMAN = ["I", "II", "III", "IV"] as const;

/** `p` is YYYY-MM-DD: the schema tests that first. */
function isRealDate(p: string): boolean {
  const [y, m, d] = p.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * "2023" → "2023", "2023-03" → "Maret 2023", "2023-12-04" → "4 Desember 2023",
 * "2023-Q4" → "triwulan IV 2023", "2021-S1" → "semester I 2021".
 */
export function formatPeriod(p: Period): string {
  const part = partOfYear(p);
  if (part) return `${part.semester ? "semester" : "triwulan"} ${ROMAN[part.n - 1]} ${part.year}`;
  const [y, m, d] = p.split("-");
  if (!m) return y ?? p;
  const month = MONTHS[Number(m) - 1];
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

const ranges = new Map<Period, { start: string; end: string }>();

/** The first and last day a period covers, as comparable "YYYY-MM-DD" strings. */
export function periodRange(p: Period): { start: string; end: string } {
  // Sorting tens of thousands of facts asks for the same few hundred periods again and again.
  let range = ranges.get(p);
  if (!range) {
    range = computeRange(p);
    ranges.set(p, range);
  }
  return range;
}

/** A quarter or a half year: which one, of which year. */
function partOfYear(p: Period): { year: string; n: number; semester: boolean } | undefined {
  const m = p.match(/^(\d{4})-([QS])([1-4])$/);
  return m ? { year: m[1] ?? "", n: Number(m[3]), semester: m[2] === "S" } : undefined;
}

function computeRange(p: Period): { start: string; end: string } {
  const part = partOfYear(p);
  if (part) {
    const months = part.semester ? 6 : 3;
    const first = (part.n - 1) * months + 1;
    return {
      start: `${part.year}-${pad(first)}-01`,
      end: `${part.year}-${pad(first + months - 1)}-31`,
    };
  }
  const [y, m, d] = p.split("-");
  if (d) return { start: p, end: p };
  if (m) return { start: `${y}-${m}-01`, end: `${y}-${m}-31` };
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Orders periods by when they end, so "2023" sorts after "2023-06" and "2023-12-04" before "2023". */
export function comparePeriods(a: Period, b: Period): number {
  const ra = periodRange(a);
  const rb = periodRange(b);
  return ra.end.localeCompare(rb.end) || ra.start.localeCompare(rb.start);
}

/** True when period `inner` lies within `outer`: "2023-06" is within "2023". */
export function periodWithin(inner: Period, outer: Period): boolean {
  const i = periodRange(inner);
  const o = periodRange(outer);
  return i.start >= o.start && i.end <= o.end;
}

export function yearOf(p: Period): number {
  return Number(p.slice(0, 4));
}
