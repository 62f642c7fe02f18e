import type { Fact } from "../facts/fact-schema";
import { formatPeriod } from "../format/period";
import type { ArticleInfo } from "./build";
import type { FactTable } from "./fact-table";

export type TableDiff = {
  articlesAdded: ArticleInfo[];
  articlesRemoved: ArticleInfo[];
  factsAdded: number;
  factsRemoved: number;
  factsChanged: number;
};

/** A fact is "the same" when it says the same thing of the same article; its value may change. */
const sameThing = (f: Fact) => [f.article, f.metric, f.region, f.period, f.kind].join("|");

export function diffTables(before: FactTable, after: FactTable): TableDiff {
  const oldArticles = new Set(before.articles.map((a) => a.id));
  const newArticles = new Set(after.articles.map((a) => a.id));
  const oldFacts = new Map(before.facts.map((f) => [sameThing(f), f]));
  const newFacts = new Map(after.facts.map((f) => [sameThing(f), f]));
  let changed = 0;
  for (const [key, f] of newFacts) {
    const old = oldFacts.get(key);
    if (old && (old.value !== f.value || old.unit !== f.unit || old.quote !== f.quote)) changed++;
  }
  return {
    articlesAdded: after.articles.filter((a) => !oldArticles.has(a.id)),
    articlesRemoved: before.articles.filter((a) => !newArticles.has(a.id)),
    factsAdded: [...newFacts.keys()].filter((k) => !oldFacts.has(k)).length,
    factsRemoved: [...oldFacts.keys()].filter((k) => !newFacts.has(k)).length,
    factsChanged: changed,
  };
}

/** Articles named in a summary; a reload of thousands names the first and counts the rest. */
const NAMED = 10;

/** "+1 artikel (Kabar X, 6 Mei 2024), +4 fakta, -0, ~1" */
export function describeDiff(d: TableDiff): string {
  const named = (list: ArticleInfo[]) => {
    const shown = list.slice(0, NAMED).map((a) => `${a.outlet}, ${formatPeriod(a.published)}`);
    if (list.length > NAMED) shown.push(`dan ${list.length - NAMED} lainnya`);
    return shown.join("; ");
  };
  const parts: string[] = [];
  if (d.articlesAdded.length)
    parts.push(`+${d.articlesAdded.length} artikel (${named(d.articlesAdded)})`);
  if (d.articlesRemoved.length)
    parts.push(`-${d.articlesRemoved.length} artikel (${named(d.articlesRemoved)})`);
  parts.push(`+${d.factsAdded} fakta, -${d.factsRemoved}, ~${d.factsChanged}`);
  return parts.join(", ");
}
