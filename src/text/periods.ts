import type { Period } from "../format/period";

export type PeriodMention =
  | { start: number; end: number; kind: "period"; period: Period }
  | { start: number; end: number; kind: "now" };

const MONTH_WORDS: [number, string[]][] = [
  [1, ["januari", "jan"]],
  [2, ["februari", "pebruari", "feb"]],
  [3, ["maret", "mar"]],
  [4, ["april", "apr"]],
  [5, ["mei"]],
  [6, ["juni", "jun"]],
  [7, ["juli", "jul"]],
  [8, ["agustus", "agu", "agt", "ags", "aug"]],
  [9, ["september", "sept", "sep"]],
  [10, ["oktober", "okt", "oct"]],
  [11, ["november", "nopember", "nov", "nop"]],
  [12, ["desember", "des", "dec"]],
];
const MONTH_OF = new Map(MONTH_WORDS.flatMap(([n, words]) => words.map((w) => [w, n] as const)));
const MONTH = [...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join("|");
const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};

/** Every period pattern has a year's digits or one of these words; most texts have neither. */
const MAY_HAVE_PERIOD =
  /\d|ini|lalu|kemarin|kini|sekarang|skrg|terbaru|terkini|terakhir|update|paling/;

type Found = { kind: "period"; period: Period } | { kind: "now" };

// Tried in this order; a later pattern does not take text an earlier one matched.
const PATTERNS: [RegExp, (m: RegExpMatchArray, refYear: number) => Found][] = [
  [
    /(?<![a-z0-9])(?:triwulan|kuartal|kwartal|tw|q)\s*(iv|iii|ii|i|[1-4])\s+(?:tahun\s+|thn\s+)?(\d{4}|ini|lalu)(?![0-9])/g,
    (m, ref) => ({ kind: "period", period: `${year(m[2], ref)}-Q${ROMAN[m[1] ?? ""]}` }),
  ],
  [
    new RegExp(`(?<![a-z0-9])(${MONTH})\\s+(?:tahun\\s+|thn\\s+)?(\\d{4}|ini|lalu)(?![0-9])`, "g"),
    (m, ref) => ({
      kind: "period",
      period: `${year(m[2], ref)}-${String(MONTH_OF.get(m[1] ?? "")).padStart(2, "0")}`,
    }),
  ],
  [
    /(?<![a-z0-9])(?:tahun|thn)\s+(ini|lalu|kemarin)(?![a-z0-9])/g,
    (m, ref) => ({ kind: "period", period: `${year(m[1], ref)}` }),
  ],
  [/(?<![0-9])(19\d\d|20\d\d)(?![0-9])/g, (m) => ({ kind: "period", period: m[1] ?? "" })],
  [
    /(?<![a-z0-9])(?:saat\s+ini|sekarang|skrg|kini|terkini|terbaru|terakhir|paling\s+baru|paling\s+akhir|update)(?![a-z0-9])/g,
    () => ({ kind: "now" }),
  ],
];

function year(word: string | undefined, ref: number): number {
  if (word === "ini") return ref;
  if (word === "lalu" || word === "kemarin") return ref - 1;
  return Number(word);
}

/**
 * Finds the periods a folded text mentions: "per Maret 2023", "triwulan IV tahun 2023",
 * "tahun lalu", "saat ini". `refYear` is the year "tahun ini" means: the article's year
 * when reading an article, today's when reading a question.
 */
export function findPeriods(folded: string, refYear: number): PeriodMention[] {
  const found: PeriodMention[] = [];
  if (!MAY_HAVE_PERIOD.test(folded)) return found;
  const taken: boolean[] = [];
  for (const [re, make] of PATTERNS) {
    for (const m of folded.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      found.push({ ...make(m, refYear), start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
