import { parseDigits, SCALES } from "../format/number";
import { MONTHS } from "../format/period";

/** A number as an answer or a question's expectation writes it: one value, or a range. */
export type Amount = { value: number; valueMax?: number };

const DIGITS = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const SCALE_WORDS = Object.keys(SCALES).join("|");
/**
 * "366.473", "1,45 juta", "41 ribuan", "Rp952,1 miliar", "US$2,5 miliar", "60-70 persen". Not a number
 * glued to a word or another number ("Liputan6", "COVID-19", "1.2.3").
 */
const AMOUNT = new RegExp(
  String.raw`(?<![\p{L}\d.,/-])(Rp\.?\s?|US\$\s?)?(${DIGITS})(?:\s?(?:-|–|sampai|hingga)\s?(${DIGITS}))?(?:\s+(${SCALE_WORDS})(?:an)?\b)?`,
  "giu",
);
const MONTH_AFTER = new RegExp(String.raw`^\s+(?:${MONTHS.join("|")})\b`, "i");
/** "(Bisnis.com, 4 Desember 2023)": a source and its date, never a figure. */
const SOURCE_DATE = /\([^()]*\b(?:19|20)\d{2}\)/g;
/** Answers that say they have no figure; any number after these is not what they give. */
const NO_FIGURE = /^\s*(?:Belum ada|Tidak ada|Maaf)\b/i;

type Found = Amount & { year: boolean; day: boolean };

function* amountsIn(text: string): Generator<Found> {
  for (const m of text.matchAll(AMOUNT)) {
    const [all, currency, low = "", high, scale] = m;
    const times = scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1;
    const value = round(parseDigits(low) * times);
    const valueMax = high === undefined ? undefined : round(parseDigits(high) * times);
    const bare = !currency && !scale;
    yield {
      value,
      ...(valueMax === undefined ? {} : { valueMax }),
      year: bare && isYear(low) && (high === undefined || isYear(high)),
      day: bare && high === undefined && MONTH_AFTER.test(text.slice((m.index ?? 0) + all.length)),
    };
  }
}

/** Answers write counts with a thousands dot ("2.000"), so four bare digits are a year. */
function isYear(digits: string): boolean {
  return /^\d{4}$/.test(digits) && Number(digits) >= 1900 && Number(digits) <= 2100;
}

/** Removes binary floating noise: 1,45 × 1e6 is 1450000, not 1449999.9999999998. */
function round(n: number): number {
  return Number(n.toPrecision(12));
}

/** The first number a text writes, years included: for expectations such as "5" or "Rp1,3 triliun". */
export function parseAmount(text: string): Amount | undefined {
  const first = amountsIn(text).next();
  if (first.done) return undefined;
  const { value, valueMax } = first.value;
  return valueMax === undefined ? { value } : { value, valueMax };
}

/**
 * The number an answer leads with: the first in its first line that is not a year, a day of a
 * date or a source's date. None when the line says there is no figure.
 */
export function leadNumber(answerText: string): Amount | undefined {
  const line = answerText.split("\n", 1)[0] ?? "";
  if (NO_FIGURE.test(line)) return undefined;
  for (const a of amountsIn(line.replace(SOURCE_DATE, ""))) {
    if (a.year || a.day) continue;
    return a.valueMax === undefined ? { value: a.value } : { value: a.value, valueMax: a.valueMax };
  }
  return undefined;
}

/** Equal up to floating noise: figures are compared as numbers, not as strings. */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Both bounds equal, and both ranges or both single values. */
export function sameAmount(a: Amount, b: Amount): boolean {
  if ((a.valueMax === undefined) !== (b.valueMax === undefined)) return false;
  return (
    sameNumber(a.value, b.value) &&
    (a.valueMax === undefined || sameNumber(a.valueMax, b.valueMax ?? Number.NaN))
  );
}
