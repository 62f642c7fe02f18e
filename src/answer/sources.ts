import type { Fact } from "../facts/fact-schema";
import { formatPeriod } from "../format/period";
import type { Knowledge } from "../knowledge/knowledge";
import { valueText } from "./wording";

/** Where figures come from: each with its outlet, date, headline and the sentence it was read from. */
export function factSources(k: Knowledge, facts: readonly Fact[]): string[] {
  return facts.slice(0, 5).map((f) => {
    const a = k.table.article(f.article);
    const quote = f.quote.replace(/\s+/g, " ").trim();
    return `• ${valueText(f.value, f.unit)}: ${f.outlet}, ${formatPeriod(f.published)}${a ? `, "${a.title}"` : ""}${a?.url ? ` ${a.url}` : ""} — kutipan: "${quote}"`;
  });
}

/** The articles the facts come from, newest first, with how many figures each gave. */
export function articleList(k: Knowledge): string[] {
  // Counted in one pass: a scan of all facts per article is quadratic in a large table.
  const counts = new Map<string, number>();
  for (const f of k.table.facts) counts.set(f.article, (counts.get(f.article) ?? 0) + 1);
  return [...k.table.articles]
    .sort((a, b) => b.published.localeCompare(a.published))
    .map(
      (a) =>
        `• ${a.outlet}, ${formatPeriod(a.published)}: "${a.title}" (${counts.get(a.id) ?? 0} angka)`,
    );
}
