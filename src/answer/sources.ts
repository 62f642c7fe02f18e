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
  // The table keeps the articles newest first and counts each one's facts: nothing is
  // sorted or counted per question. Dates repeat: each is written once per list.
  const dates = new Map<string, string>();
  const date = (p: string) => {
    let d = dates.get(p);
    if (d === undefined) {
      d = formatPeriod(p);
      dates.set(p, d);
    }
    return d;
  };
  return k.table
    .newestFirst()
    .map(
      (a) => `• ${a.outlet}, ${date(a.published)}: "${a.title}" (${k.table.factCount(a.id)} angka)`,
    );
}
