import type { Fact } from "../facts/fact-schema";
import { formatPeriod } from "../format/period";
import type { ArticleInfo } from "./build";
import { statementKey } from "./fact-keys";
import type { FactTable } from "./fact-table";
import { runAll, type Stepped } from "./steps";

export type TableDiff = {
  articlesAdded: ArticleInfo[];
  articlesRemoved: ArticleInfo[];
  factsAdded: number;
  factsRemoved: number;
  factsChanged: number;
};

export function diffTables(before: FactTable, after: FactTable): TableDiff {
  return runAll(diffing(before, after));
}

/** How many facts diffing looks at between the pauses of a stepwise run. */
const STEP = 1024;

/** diffTables as steps (runInSteps): a reload of thousands of articles never holds up a question. */
export function* diffing(before: FactTable, after: FactTable): Stepped<TableDiff> {
  const oldArticles = new Set(before.articles.map((a) => a.id));
  const newArticles = new Set(after.articles.map((a) => a.id));
  const byThing = function* (facts: readonly Fact[]): Stepped<Map<string, Fact>> {
    const map = new Map<string, Fact>();
    for (let i = 0; i < facts.length; i++) {
      const f = facts[i] as Fact;
      // Keyed by what it is about: a new value is a fact changed, not one removed and one added.
      map.set(statementKey(f), f);
      if (i % STEP === STEP - 1) yield;
    }
    return map;
  };
  const oldFacts = yield* byThing(before.facts);
  const newFacts = yield* byThing(after.facts);
  let changed = 0;
  let added = 0;
  let seen = 0;
  for (const [key, f] of newFacts) {
    const old = oldFacts.get(key);
    if (old && (old.value !== f.value || old.unit !== f.unit || old.quote !== f.quote)) changed++;
    if (!old) added++;
    if (++seen % STEP === 0) yield;
  }
  let removed = 0;
  for (const key of oldFacts.keys()) {
    if (!newFacts.has(key)) removed++;
    if (++seen % STEP === 0) yield;
  }
  return {
    articlesAdded: after.articles.filter((a) => !oldArticles.has(a.id)),
    articlesRemoved: before.articles.filter((a) => !newArticles.has(a.id)),
    factsAdded: added,
    factsRemoved: removed,
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
