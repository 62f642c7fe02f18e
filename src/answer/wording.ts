import type { Fact } from "../facts/fact-schema";
import { formatApprox, formatNumber } from "../format/number";
import { formatPeriod, type Period } from "../format/period";
import type { Knowledge } from "../knowledge/knowledge";

/**
 * "27 juta", "70 persen", "326.505 unit", "Rp952,1 miliar", "US$2,5 miliar": money is written
 * with its sign in front, and the unit is left out where the label already says it.
 */
export function valueText(value: number, unit: string, approx = false): string {
  const amount = approx ? `sekitar ${formatApprox(value)}` : formatNumber(value);
  if (unit === "rupiah") return approx ? `sekitar Rp${formatApprox(value)}` : `Rp${amount}`;
  if (unit === "US$") return approx ? `sekitar US$${formatApprox(value)}` : `US$${amount}`;
  return unit === "UMKM" ? amount : `${amount} ${unit}`;
}

/** Whether two figures can be subtracted: shares with shares, money in one currency, counts with counts ("unit", "orang", "UMKM"). */
export function sameUnit(unit: string, other: string): boolean {
  const kind = (of: string) => (["persen", "rupiah", "US$"].includes(of) ? of : "count");
  return kind(unit) === kind(other);
}

/** How an article's qualifier reads before a number: "24 ribu lebih" is "lebih dari 24 ribu". */
const QUALIFIER: Record<string, string> = { lebih: "lebih dari", "-an": "sekitar" };

/** A stated figure as the article qualifies it: "hampir 660 ribu unit", "60–70 persen". */
export function factValue(fact: Pick<Fact, "value" | "valueMax" | "approx" | "unit">): string {
  const { value, valueMax, approx, unit } = fact;
  const range =
    valueMax === undefined
      ? valueText(value, unit)
      : valueText(value, unit).replace(
          formatNumber(value),
          `${formatNumber(value)}–${formatNumber(valueMax)}`,
        );
  return approx ? `${QUALIFIER[approx] ?? approx} ${range}` : range;
}

export function sourceText(fact: Pick<Fact, "outlet" | "published">): string {
  return `${fact.outlet}, ${formatPeriod(fact.published)}`;
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
  let found = citations.get(facts);
  if (!found) {
    // One pass, however many articles repeat the figure: the two newest sources, and a count.
    const sources = new Map<string, Fact>();
    for (const fact of facts) sources.set(`${fact.outlet}|${fact.published}`, fact);
    const cited = [...sources.values()]
      .sort((a, b) => b.published.localeCompare(a.published))
      .slice(0, 2);
    const more = sources.size - cited.length;
    found = {
      text: `${cited.map(sourceText).join("; ")}${more > 0 ? `; +${more} sumber lain` : ""}`,
      cited,
    };
    citations.set(facts, found);
  }
  return found;
}

/** "per 4 Desember 2023" for a point in time, "tahun 2023" for a year, "triwulan IV 2023". */
export function periodText(period: Period): string {
  if (/^\d{4}$/.test(period)) return `tahun ${formatPeriod(period)}`;
  return /^\d{4}-[QS]\d$/.test(period) ? formatPeriod(period) : `per ${formatPeriod(period)}`;
}

/** A target's time: its year, or, when the article gave none, when it was said. */
export function targetPeriodText(target: Fact): string {
  return target.period === target.published
    ? `tanpa tenggat, disebut ${formatPeriod(target.published)}`
    : formatPeriod(target.period);
}

/** "nasional", or "di Jawa Barat": how an answer says where its figure is for. */
export function whereText(knowledge: Knowledge, region: string): string {
  return region === "nasional" ? "nasional" : `di ${knowledge.regionName(region)}`;
}

/** "2023, 2022, 2021 dan 5 lainnya" */
export function capped(items: readonly string[], max = 8): string {
  return items.length > max
    ? `${items.slice(0, max).join(", ")} dan ${items.length - max} lainnya`
    : items.join(", ");
}
