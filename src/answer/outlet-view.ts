import { type FactTable, indexFacts } from "../knowledge/fact-table";
import type { Knowledge } from "../knowledge/knowledge";

// A view is built on the first question naming those outlets, and lives as long as its table.
const views = new WeakMap<FactTable, Map<string, FactTable>>();

/** The knowledge as if only these outlets' articles were loaded: "menurut antara" answers from ANTARA alone. */
export function outletView(k: Knowledge, outlets: readonly string[]): Knowledge {
  let byOutlets = views.get(k.table);
  if (!byOutlets) {
    byOutlets = new Map();
    views.set(k.table, byOutlets);
  }
  const key = [...outlets].sort().join("\n");
  let table = byOutlets.get(key);
  if (!table) {
    const keep = new Set(outlets);
    const articles = k.table.articles.filter((a) => keep.has(a.outlet));
    const ids = new Set(articles.map((a) => a.id));
    table = indexFacts({
      facts: k.table.facts.filter((f) => ids.has(f.article)),
      articles,
      skipped: k.table.skipped.filter((s) => ids.has(s.article)),
    });
    byOutlets.set(key, table);
  }
  return { ...k, table };
}
