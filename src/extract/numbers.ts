import { parseDigits, SCALES } from "../format/number";
import { MONTHS } from "../format/period";

export type NumberMention = {
  start: number;
  end: number;
  /** As the article writes it: "64,2 juta", "70 persen", "273.457". */
  written: string;
  value: number;
  percent: boolean;
  /** The word after a count ("unit", "orang", "UMKM"), lowercased. */
  nextWord: string;
};

const MONTH_START = new RegExp(`^\\s+(?:${MONTHS.map((m) => m.slice(0, 3)).join("|")})`, "i");
const NUMBER = new RegExp(
  `(?<![\\w/.,:-])(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d+))?(?![\\w/:]|[.,]\\d|-\\d)(?:\\s+(${Object.keys(SCALES).join("|")})(?![\\w]))?(?:\\s*(persen(?![\\w])|%))?`,
  "giu",
);

/**
 * The numbers in a text that can be statistics. Dates ("5 Maret 2024", "21/9/2022"),
 * times ("19:41"), years and "COVID-19" are not; a bare number counts only with a scale
 * word, "persen", thousands dots, or a count word after it ("4000 UMKM", "599 unit").
 */
export function findNumbers(text: string, countUnits: readonly string[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [whole, digits = "", fraction, scale, percent] = m;
    const start = m.index ?? 0;
    const end = start + whole.length;
    const after = text.slice(end);
    const nextWord = after.match(/^\s+([\p{L}]+)/u)?.[1]?.toLowerCase() ?? "";
    if (MONTH_START.test(after) && !scale && !percent) continue;
    if (/covid[\s-]*$/i.test(text.slice(Math.max(0, start - 7), start))) continue;
    const base = parseDigits(fraction ? `${digits},${fraction}` : digits);
    const dotted = digits.includes(".");
    if (!scale && !percent) {
      const isYear = !dotted && !fraction && base >= 1900 && base <= 2100;
      if (isYear || !(dotted || countUnits.includes(nextWord))) continue;
    }
    const value = scale
      ? Number((base * (SCALES[scale.toLowerCase()] ?? 1)).toPrecision(12))
      : base;
    out.push({ start, end, written: whole.trim(), value, percent: Boolean(percent), nextWord });
  }
  return out;
}
