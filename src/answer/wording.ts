import type { Fact } from "../facts/fact-schema";
import { formatApprox, formatNumber } from "../format/number";
import { formatPeriod, type Period } from "../format/period";

/** "27 juta", "70 persen", "326.505 unit": the unit is left out where the label already says it. */
export function valueText(value: number, unit: string, approx = false): string {
  const n = approx ? `sekitar ${formatApprox(value)}` : formatNumber(value);
  return unit === "UMKM" ? n : `${n} ${unit}`;
}

export function sourceText(f: Pick<Fact, "outlet" | "published">): string {
  return `${f.outlet}, ${formatPeriod(f.published)}`;
}

/** The sources of several facts stating the same figure: "(Bisnis.com, 4 Desember 2023; ANTARA, 2023)". */
export function sourcesText(facts: readonly Fact[]): string {
  const newestFirst = [...facts].sort((a, b) => b.published.localeCompare(a.published));
  const all = [...new Set(newestFirst.map(sourceText))];
  const shown = all.slice(0, 2).join("; ");
  return `(${shown}${all.length > 2 ? `; +${all.length - 2} sumber lain` : ""})`;
}

/** "per 4 Desember 2023" for a point in time, "2023" for a year, "triwulan IV 2023". */
export function periodText(p: Period): string {
  return /^\d{4}(-Q\d)?$/.test(p)
    ? `tahun ${formatPeriod(p)}`.replace("tahun triwulan", "triwulan")
    : `per ${formatPeriod(p)}`;
}

/** A target's time: its year, or, when the article gave none, when it was said. */
export function targetPeriodText(f: Fact): string {
  return f.period === f.published
    ? `tanpa tenggat, disebut ${formatPeriod(f.published)}`
    : formatPeriod(f.period);
}

export function regionText(regionName: string, id: string): string {
  return id === "nasional" ? "nasional" : regionName;
}
