import { parseDigits, SCALES } from "../format/number";
import type { ExtractionFile } from "../lexicon/metric-schema";

/** What a quantity is measured in: a share, money, or a count of something. */
export type QuantityUnit = "persen" | "rupiah" | "usd" | "count";

export type Quantity = {
  start: number;
  end: number;
  /** As the article writes it: "64,2 juta", "Rp 1,3 trilyun", "30-40 persen", "tujuh". */
  written: string;
  value: number;
  /** A range's upper bound ("30-40 persen", "30 hingga 40 persen"). */
  valueMax?: number;
  /** The qualifier as written: "sekitar", "hampir", "lebih dari", "lebih", "-an". */
  approx?: string;
  unit: QuantityUnit;
  /** The words right after the quantity, lowercased: what a count counts ("debitur", "unit usaha"). */
  noun: string;
};

export type QuantityReader = (text: string) => Quantity[];

const DIGITS = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const SCALE_WORDS = Object.keys(SCALES)
  .sort((a, b) => b.length - a.length)
  .join("|");
const CURRENCY = String.raw`Rp\.?|IDR|US\$|USD`;
/** Currency named after the amount, as many outlets write it: "18,4 juta dolar AS", "2 triliun rupiah". */
const CURRENCY_AFTER = "dolar|dollar|usd|rupiah";
const RANGE = String.raw`\s*(?:-|–|hingga|sampai|s\.d\.?)\s*`;
const QUANTITY = new RegExp(
  String.raw`(?<![\w/.,:-])(?:(?<cur>${CURRENCY})\s*)?(?<a>${DIGITS})(?:${RANGE}(?<b>${DIGITS}))?(?<an>-an)?(?:\s*(?<scale>${SCALE_WORDS})(?<an2>an)?(?![\p{L}]))?(?:\s+(?<curAfter>${CURRENCY_AFTER})(?:\s+(?:as|amerika(?:\s+serikat)?))?(?![\p{L}]))?(?:\s*(?<pct>persen(?:an)?(?![\p{L}])|%))?`,
  "giu",
);
const MONTH_AFTER = /^\s+(?:jan|feb|peb|mar|apr|mei|jun|jul|agu|agt|sep|okt|nov|nop|des)[a-z]*\b/i;
const BEFORE_QUALIFIER =
  /(?:^|[^\p{L}])(sekitar|hampir|lebih dari|kurang dari|di bawah|di atas|kira-kira|kurang lebih|mendekati|setidaknya|sedikitnya|minimal|maksimal|±)\s*$/iu;
/** Numbers that name a thing rather than count one: "ke-5", "Nomor 20", "Pasal 135", "PP 7". */
const NOT_A_COUNT_BEFORE = /(?:\bke-?|\b(?:nomor|no\.?|pasal|bab|ayat|pp|uu|perpres|permen)\s*)$/i;
const PEOPLE = new Set(["orang", "debitur", "jiwa", "pelaku", "umkm", "ukm", "unit", "pekerja"]);

/**
 * Reads the quantities in a text the Indonesian way: "273.457", "64,2 juta", "54,81persen",
 * "Rp 1,3 trilyun", "US$2,5 miliar", "30-40 persen", "70-an ribu", "24 ribu lebih",
 * "hampir 660 ribu", and spelled-out ones ("tiga persen", "delapan ribuan", "lima debitur").
 * Dates, times, years, law numbers, ranks and "COVID-19" are not quantities; a bare
 * number counts only with a scale, a unit, thousands dots, or a counted noun after it.
 */
export function makeQuantityReader(x: ExtractionFile): QuantityReader {
  const w: NumberWords = {
    counted: new Set(x.countNouns),
    incidental: new Set(x.incidentalNouns),
    spelled: new Map(Object.entries(x.numberWords)),
    anySpelled: spelledNumberTest(x),
  };
  const fractions = makeFractionReader(x);
  return (text) => {
    const all = [
      ...digitQuantities(w, text),
      ...spelledQuantities(w, text),
      ...fractions(text),
    ].sort((a, b) => a.start - b.start);
    shareNouns(all, text);
    return joinRanges(all, text);
  };
}

const RANGE_BETWEEN = new RegExp(`^${RANGE}$`, "i");

/** "Rp 3 jt hingga Rp 15 jt", "30 persen sampai 40 persen": two ends of one range, each written whole. */
function joinRanges(all: Quantity[], text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const q of all) {
    const low = out.at(-1);
    const joins =
      low &&
      low.valueMax === undefined &&
      q.valueMax === undefined &&
      low.unit === q.unit &&
      q.unit !== "count" &&
      q.value > low.value &&
      RANGE_BETWEEN.test(text.slice(low.end, q.start));
    if (!joins) {
      out.push(q);
      continue;
    }
    out[out.length - 1] = {
      ...low,
      end: q.end,
      written: text.slice(low.start, q.end),
      valueMax: q.value,
      noun: q.noun,
    };
  }
  return out;
}

/** What the quantity reader takes from the lexicon. */
type NumberWords = {
  counted: ReadonlySet<string>;
  incidental: ReadonlySet<string>;
  spelled: ReadonlyMap<string, number>;
  anySpelled: (text: string) => boolean;
};

function digitQuantities(w: NumberWords, text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 12), start);
    const after = text.slice(end);
    if (/^[\d/:]|^[.,]\d|^-\d/.test(after)) continue;
    if (/covid[\s-]*$/i.test(before) || NOT_A_COUNT_BEFORE.test(before)) continue;
    // A letter right after the digits must be a unit the article glued on ("4.987unit").
    const glued = after.match(/^\p{L}+/u)?.[0].toLowerCase();
    if (glued && !g.scale && !g.pct && !["unit", "orang"].includes(glued)) continue;
    const noun = nounAfter(text, end);
    if (w.incidental.has(firstWord(noun))) continue;
    const a = g.a ?? "";
    const cur = g.cur ?? (g.curAfter && (/^rupiah$/i.test(g.curAfter) ? "Rp" : "US$"));
    if (!g.scale && !g.pct && !cur && !bareCount(w, a, before, after, noun)) continue;
    const scale = g.scale ? (SCALES[g.scale.toLowerCase()] ?? 1) : 1;
    const value = round(parseDigits(a) * scale);
    const valueMax = g.b ? round(parseDigits(g.b) * scale) : undefined;
    if (!Number.isFinite(value) || (valueMax !== undefined && !(valueMax > value))) continue;
    out.push({
      start,
      end,
      written: m[0].trim(),
      value,
      ...(valueMax === undefined ? {} : { valueMax }),
      ...qualifier(before, after, Boolean(g.an || g.an2 || /an$/i.test(g.pct ?? ""))),
      unit: unitOf(g.pct, cur, noun),
      noun,
    });
  }
  return out;
}

/** A number with no scale, unit or currency counts with thousands dots or a counted noun, and is no year or date. */
function bareCount(w: NumberWords, digits: string, before: string, after: string, noun: string) {
  const dotted = digits.includes(".");
  const year = !dotted && !digits.includes(",") && Number(digits) >= 1900 && Number(digits) <= 2100;
  // "UMB 182": an abbreviation before a bare number says what it counts, as a noun after it would.
  const named = w.counted.has(
    firstWord((before.match(/([\p{L}]+)\s*$/u)?.[1] ?? "").toLowerCase()),
  );
  if (year || !(dotted || w.counted.has(firstWord(noun)) || named)) return false;
  return !MONTH_AFTER.test(after);
}

function spelledQuantities(w: NumberWords, text: string): Quantity[] {
  const out: Quantity[] = [];
  if (!w.anySpelled(text)) return out;
  const words = [...text.matchAll(/[\p{L}]+/gu)];
  for (let i = 0; i < words.length; i++) {
    const first = words[i] as RegExpMatchArray; // i < words.length
    if (!w.spelled.has(first[0].toLowerCase())) continue;
    const prev = words[i - 1]?.[0].toLowerCase();
    if (prev === "salah" || prev === "ke") continue;
    const read = spelledValue(w.spelled, words, i);
    const last = words[read.next - 1] as RegExpMatchArray; // the number took at least one word
    const start = first.index ?? 0;
    let end = (last.index ?? 0) + last[0].length;
    const pct = text.slice(end).match(/^\s*(persen(an)?|%)(?![\p{L}])/iu);
    if (pct) end += pct[0].length;
    const noun = nounAfter(text, end);
    if (!pct && !read.total && !w.counted.has(firstWord(noun))) continue;
    if (!read.value) continue;
    const before = text.slice(Math.max(0, start - 12), start);
    out.push({
      start,
      end,
      written: text.slice(start, end),
      value: read.value,
      ...qualifier(before, text.slice(end), read.suffixed || Boolean(pct?.[2])),
      unit: pct ? "persen" : "count",
      noun,
    });
    i = read.next - 1;
  }
  return out;
}

/**
 * The spelled number whose first word is words[i]: its value, the part of it a scale word
 * multiplied, the index of the word after it, and whether "-an" ended it ("ribuan").
 */
function spelledValue(spelled: ReadonlyMap<string, number>, words: RegExpMatchArray[], i: number) {
  let j = i;
  let total = 0;
  let current = 0;
  let suffixed = false;
  for (; j < words.length; j++) {
    const word = (words[j] as RegExpMatchArray)[0].toLowerCase(); // j < words.length
    const base = spelled.has(word) ? word : word.replace(/an$/, "");
    const part = spelled.get(base);
    const scale = SCALES[base];
    if (
      j > i &&
      (words[j]?.index ?? 0) - ((words[j - 1]?.index ?? 0) + (words[j - 1]?.[0].length ?? 0)) > 1
    )
      break;
    if (part !== undefined && (j === i || spelled.has(word))) current += part;
    else if (word === "belas") current += 10;
    else if (word === "puluh") current *= 10;
    else if (word === "ratus") current *= 100;
    else if (scale && j > i) {
      total += (current || 1) * scale;
      current = 0;
      suffixed = word !== base;
      j++;
      break;
    } else break;
  }
  return { value: total + current, total, next: j, suffixed };
}

/** "masing-masing 1,45 juta dan 1,15 juta unit usaha": a number joined straight to the next shares its noun. */
function shareNouns(all: Quantity[], text: string): void {
  for (let i = all.length - 2; i >= 0; i--) {
    const [q, next] = [all[i] as Quantity, all[i + 1] as Quantity]; // 0 <= i < length - 1
    if (q.unit === next.unit && /^\s*(?:,|dan|serta|atau)\s*$/i.test(text.slice(q.end, next.start)))
      q.noun = next.noun;
  }
}

function nounAfter(text: string, end: number): string {
  return (text.slice(end).match(/^\s*([\p{L}-]+(?:\s+[\p{L}-]+)?)/u)?.[1] ?? "").toLowerCase();
}

function firstWord(noun: string): string {
  return noun.split(/\s+/)[0] ?? "";
}

/**
 * "tiga perempat UMKM", "sepertiga nilai ekspor": a share written as a fraction, as a
 * percentage rounded to two decimals. A numerator must be spelled and at most ten.
 */
function makeFractionReader(x: ExtractionFile): (text: string) => Quantity[] {
  const { denominators, whole } = x.fractionWords;
  const over = Object.keys(denominators).join("|");
  const numerators = Object.keys(x.numberWords).filter((n) => (x.numberWords[n] ?? 0) <= 10);
  const re = new RegExp(
    `(?<![\\p{L}])(?:(?<n>${numerators.join("|")})\\s+(?<d>${over})|(?<w>${Object.keys(whole).join("|")}))(?![\\p{L}])`,
    "giu",
  );
  const anywhere = new RegExp(`${over}|${Object.keys(whole).join("|")}`, "i");
  return (text) => {
    if (!anywhere.test(text)) return [];
    return [...text.matchAll(re)].map((m) => {
      const g = m.groups ?? {};
      const value = g.w
        ? (whole[g.w.toLowerCase()] ?? 0)
        : ((x.numberWords[g.n?.toLowerCase() ?? ""] ?? 0) /
            (denominators[g.d?.toLowerCase() ?? ""] ?? 1)) *
          100;
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const before = text.slice(Math.max(0, start - 12), start);
      return {
        start,
        end,
        written: m[0],
        value: Math.round(value * 100) / 100,
        ...qualifier(before, text.slice(end), false),
        unit: "persen" as const,
        noun: nounAfter(text, end),
      };
    });
  };
}

/** Whether a text may spell a number out: most do not, and one test spares the word-by-word scan. */
export function spelledNumberTest(x: ExtractionFile): (text: string) => boolean {
  const words = Object.keys(x.numberWords).join("|");
  const re = new RegExp(`(?<![\\p{L}])(?:${words})`, "iu");
  // The look-behind at every place is slow; most texts have none of the words anywhere, which
  // a search without it, a few times faster, settles. It finds whatever the full test finds.
  const anywhere = new RegExp(words, "iu");
  return (text) => anywhere.test(text) && re.test(text);
}

function qualifier(before: string, after: string, suffixAn: boolean): { approx?: string } {
  const said = before.match(BEFORE_QUALIFIER)?.[1]?.toLowerCase();
  if (said) return { approx: said };
  if (/^\s+lebih(?![\p{L}])(?!\s+dari)/iu.test(after)) return { approx: "lebih" };
  return suffixAn ? { approx: "-an" } : {};
}

/** "Rp 4,08 juta orang": a currency sign before people is the outlet's slip, not money. */
function unitOf(pct: string | undefined, cur: string | undefined, noun: string): QuantityUnit {
  if (pct) return "persen";
  if (cur && PEOPLE.has(firstWord(noun))) return "count";
  if (cur) return /^rp|^idr/i.test(cur) ? "rupiah" : "usd";
  return "count";
}

function round(n: number): number {
  // A whole number of twelve digits or fewer is its own rounding: no string round trip.
  if (Number.isInteger(n) && Math.abs(n) < 1e12) return n === 0 ? 0 : n;
  return Number(n.toPrecision(12));
}
