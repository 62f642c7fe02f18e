import { type FactTable, indexFacts } from "../knowledge/fact-table";
import type { Knowledge } from "../knowledge/knowledge";

// A view is built on the first question naming those outlets, and lives as long as its table.
const views = new WeakMap<FactTable, Map<string, FactTable>>();

/** The knowledge as if only these outlets' articles were loaded: "menurut antara" answers from ANTARA alone. */
export function outletView(knowledge: Knowledge, outlets: readonly string[]): Knowledge {
  let byOutlets = views.get(knowledge.table);
  if (!byOutlets) {
    byOutlets = new Map();
    views.set(knowledge.table, byOutlets);
  }
  const key = [...outlets].sort().join("\n");
  let table = byOutlets.get(key);
  if (!table) {
    const keep = new Set(outlets);
    const articles = knowledge.table.articles.filter((article) => keep.has(article.outlet));
    const ids = new Set(articles.map((article) => article.id));
    table = indexFacts({
      facts: knowledge.table.facts.filter((fact) => ids.has(fact.article)),
      articles,
      skipped: knowledge.table.skipped.filter((entry) => ids.has(entry.article)),
    });
    byOutlets.set(key, table);
  }
  return { ...knowledge, table };
}
