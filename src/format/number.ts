/**
 * Indonesian number writing: "." groups thousands, "," marks decimals, and a scale word
 * ("ribu", "juta", ...) multiplies. "273.457" is 273457, "64,2 juta" is 64200000.
 */
export const SCALES: Record<string, number> = {
  ribu: 1e3,
  rb: 1e3,
  juta: 1e6,
  jt: 1e6,
  miliar: 1e9,
  milyar: 1e9,
  miliyar: 1e9,
  triliun: 1e12,
  // Outlets' own spellings and slips, as printed: "Rp 1,3 trilyun", "Rp17 trliun", "Rp6,46 trilun".
  trilyun: 1e12,
  triliyun: 1e12,
  trliun: 1e12,
  trilun: 1e12,
};

/** Parses "273.457", "64,2", "4000" (digits only, no scale). NaN when it is not a number. */
export function parseDigits(text: string): number {
  const t = text.trim();
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^\d+(,\d+)?$/.test(t)) {
    return Number(t.replaceAll(".", "").replace(",", "."));
  }
  return Number.NaN;
}

/** Parses a number as written in an article: "27 juta", "5,4 persen", "273.457", "500 ribu". */
export function parseIndonesianNumber(written: string): number {
  const m = written.trim().match(/^([\d.,]+)(?:\s+(\p{L}+))?/u);
  if (!m?.[1]) return Number.NaN;
  const base = parseDigits(m[1]);
  const scale = m[2] ? SCALES[m[2].toLowerCase()] : undefined;
  return scale ? round(base * scale) : base;
}

/** Removes binary floating noise such as 64.2 * 1e6 = 64200000.00000001. */
function round(n: number): number {
  return Number(n.toPrecision(12));
}

// Built once: an Intl formatter per call is the slowest part of writing an answer.
const FORMATS = {
  0: new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 }),
  2: new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 }),
};

function decimals(n: number, maxFraction: 0 | 2): string {
  return FORMATS[maxFraction].format(n);
}

/**
 * Writes a value the Indonesian way: 27000000 → "27 juta", 22800000 → "22,8 juta",
 * 500000 → "500 ribu", 273457 → "273.457", 5.4 → "5,4".
 */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e12 && Number.isInteger(round((value / 1e12) * 100)))
    return `${decimals(value / 1e12, 2)} triliun`;
  if (abs >= 1e9 && Number.isInteger(round((value / 1e9) * 100)))
    return `${decimals(value / 1e9, 2)} miliar`;
  if (abs >= 1e6 && Number.isInteger(round((value / 1e6) * 100)))
    return `${decimals(round(value / 1e6), 2)} juta`;
  if (abs >= 1e5 && value % 1e3 === 0) return `${decimals(value / 1e3, 0)} ribu`;
  return decimals(value, 2);
}

/**
 * A computed value is rounded to three significant digits, so it does not pretend
 * to more precision than the figures it came from: 191419.9 → "191 ribu".
 */
export function formatApprox(value: number): string {
  if (value === 0) return "0";
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 2);
  const rounded =
    magnitude >= 1
      ? Math.round(value / magnitude) * magnitude
      : round(Number(value.toPrecision(3)));
  return formatNumber(rounded);
}
