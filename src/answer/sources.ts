import type { Fact } from "../facts/fact-schema";
import { formatPeriod } from "../format/period";
import type { Knowledge } from "../knowledge/knowledge";
import { valueText } from "./wording";

/** Where figures come from: each with its outlet, date, headline and the sentence it was read from. */
export function factSources(knowledge: Knowledge, facts: readonly Fact[]): string[] {
  return facts.slice(0, 5).map((fact) => {
    const article = knowledge.table.article(fact.article);
    const quote = fact.quote.replace(/\s+/g, " ").trim();
    return `• ${valueText(fact.value, fact.unit)}: ${fact.outlet}, ${formatPeriod(fact.published)}${article ? `, "${article.title}"` : ""}${article?.url ? ` ${article.url}` : ""} — kutipan: "${quote}"`;
  });
}

/** The articles the facts come from, newest first, with how many figures each gave. */
export function articleList(knowledge: Knowledge): string[] {
  // The table keeps the articles newest first and counts each one's facts: nothing is
  // sorted or counted per question. Dates repeat: each is written once per list.
  const dates = new Map<string, string>();
  const date = (period: string) => {
    let written = dates.get(period);
    if (written === undefined) {
      written = formatPeriod(period);
      dates.set(period, written);
    }
    return written;
  };
  return knowledge.table
    .newestFirst()
    .map(
      (article) =>
        `• ${article.outlet}, ${date(article.published)}: "${article.title}" (${knowledge.table.factCount(article.id)} angka)`,
    );
}
