import type { Fact } from "../facts/fact-schema";
import { formatApprox, formatNumber } from "../format/number";
import { formatPeriod, type Period } from "../format/period";
import type { Knowledge } from "../knowledge/knowledge";

/**
 * "27 juta", "70 persen", "326.505 unit", "Rp952,1 miliar", "US$2,5 miliar": money is written
 * with its sign in front, and the unit is left out where the label already says it.
 */
export function valueText(value: number, unit: string, approx = false): string {
  const n = approx ? `sekitar ${formatApprox(value)}` : formatNumber(value);
  if (unit === "rupiah") return approx ? `sekitar Rp${formatApprox(value)}` : `Rp${n}`;
  if (unit === "US$") return approx ? `sekitar US$${formatApprox(value)}` : `US$${n}`;
  return unit === "UMKM" ? n : `${n} ${unit}`;
}

/** Whether two figures can be subtracted: shares with shares, money in one currency, counts with counts ("unit", "orang", "UMKM"). */
export function sameUnit(a: string, b: string): boolean {
  const kind = (u: string) => (["persen", "rupiah", "US$"].includes(u) ? u : "count");
  return kind(a) === kind(b);
}

/** How an article's qualifier reads before a number: "24 ribu lebih" is "lebih dari 24 ribu". */
const QUALIFIER: Record<string, string> = { lebih: "lebih dari", "-an": "sekitar" };

/** A stated figure as the article qualifies it: "hampir 660 ribu unit", "60–70 persen". */
export function factValue(f: Pick<Fact, "value" | "valueMax" | "approx" | "unit">): string {
  const range =
    f.valueMax === undefined
      ? valueText(f.value, f.unit)
      : valueText(f.value, f.unit).replace(
          formatNumber(f.value),
          `${formatNumber(f.value)}–${formatNumber(f.valueMax)}`,
        );
  return f.approx ? `${QUALIFIER[f.approx] ?? f.approx} ${range}` : range;
}

export function sourceText(f: Pick<Fact, "outlet" | "published">): string {
  return `${f.outlet}, ${formatPeriod(f.published)}`;
}

/** The sources of several facts stating the same figure: "(Bisnis.com, 4 Desember 2023; ANTARA, 2023)". */
export function sourcesText(facts: readonly Fact[]): string {
  return `(${citation(facts).text})`;
}

/** The same sources bare, inside a note with parentheses of its own: "(Mei 2023; Bisnis.com, 4 Desember 2023)". */
export function sourceNames(facts: readonly Fact[]): string {
  return citation(facts).text;
}

/** The facts whose outlet and date an answer names: the newest two sources of a figure. */
export function citedFacts(facts: readonly Fact[]): readonly Fact[] {
  return citation(facts).cited;
}

type Citation = { text: string; cited: readonly Fact[] };

// The fact table's figure groups live until a reload; their sources are worked out once.
const citations = new WeakMap<readonly Fact[], Citation>();

function citation(facts: readonly Fact[]): Citation {
  let c = citations.get(facts);
  if (!c) {
    // One pass, however many articles repeat the figure: the two newest sources, and a count.
    const sources = new Map<string, Fact>();
    for (const f of facts) sources.set(`${f.outlet}|${f.published}`, f);
    const cited = [...sources.values()]
      .sort((a, b) => b.published.localeCompare(a.published))
      .slice(0, 2);
    const more = sources.size - cited.length;
    c = {
      text: `${cited.map(sourceText).join("; ")}${more > 0 ? `; +${more} sumber lain` : ""}`,
      cited,
    };
    citations.set(facts, c);
  }
  return c;
}

/** "per 4 Desember 2023" for a point in time, "tahun 2023" for a year, "triwulan IV 2023". */
export function periodText(p: Period): string {
  if (/^\d{4}$/.test(p)) return `tahun ${formatPeriod(p)}`;
  return /^\d{4}-[QS]\d$/.test(p) ? formatPeriod(p) : `per ${formatPeriod(p)}`;
}

/** A target's time: its year, or, when the article gave none, when it was said. */
export function targetPeriodText(f: Fact): string {
  return f.period === f.published
    ? `tanpa tenggat, disebut ${formatPeriod(f.published)}`
    : formatPeriod(f.period);
}

/** "nasional", or "di Jawa Barat": how an answer says where its figure is for. */
export function whereText(k: Knowledge, region: string): string {
  return region === "nasional" ? "nasional" : `di ${k.regionName(region)}`;
}

/** "2023, 2022, 2021 dan 5 lainnya" */
export function capped(items: readonly string[], max = 8): string {
  return items.length > max
    ? `${items.slice(0, max).join(", ")} dan ${items.length - max} lainnya`
    : items.join(", ");
}
