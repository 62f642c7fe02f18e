import type { FactTable } from "../knowledge/fact-table";
import { FuzzyIndex } from "../understand/fuzzy-index";

type MeasureWord = { word: string; keys: string[] };
type OpenIndex = { exact: Map<string, string[]>; fuzzy: FuzzyIndex<MeasureWord> };

// The index lives as long as its table: built on the first question that needs it.
const indexes = new WeakMap<FactTable, OpenIndex>();

/** Measures the articles name in their own words ("~UMKM kuliner sektor"), by each of their words. */
function indexOf(table: FactTable): OpenIndex {
  let index = indexes.get(table);
  if (!index) {
    const exact = new Map<string, string[]>();
    for (const fact of table.facts) {
      if (fact.metric) continue;
      for (const word of new Set(fact.measure.toLowerCase().split(/[^a-z0-9]+/))) {
        if (word.length < 4) continue;
        const keys = exact.get(word) ?? [];
        const key = `~${fact.measure}`;
        if (!keys.includes(key)) exact.set(word, [...keys, key]);
      }
    }
    const words = [...exact].map(([word, keys]) => ({ word, keys }));
    index = { exact, fuzzy: new FuzzyIndex(words, (entry) => entry.word) };
    indexes.set(table, index);
  }
  return index;
}

/**
 * The open measure a question's leftover words name ("umkm kuliner kabupaten bogor" →
 * "UMKM kuliner ..."), among those the regions asked have: the one most of the words name,
 * a typo of one letter allowed in longer words. Undefined when none is named.
 */
export function openMeasure(
  table: FactTable,
  words: readonly string[],
  regions: readonly string[],
  accept: (key: string) => boolean = () => true,
): { key: string; words: string[] } | undefined {
  const { exact, fuzzy } = indexOf(table);
  const here = new Set(regions.flatMap((region) => table.metricsIn(region)));
  const score = new Map<string, string[]>();
  for (const word of words) {
    const keys =
      exact.get(word) ?? (word.length >= 6 ? fuzzy.within(word, 1)[0]?.item.keys : undefined) ?? [];
    for (const key of keys)
      if ((!regions.length || here.has(key)) && accept(key))
        score.set(key, [...(score.get(key) ?? []), word]);
  }
  // Most words named first; of those, the one that adds least to them ("debitur KUR mikro"
  // before "debitur KUR kluster super mikro").
  const best = [...score].sort((a, b) => b[1].length - a[1].length || a[0].length - b[0].length)[0];
  return best && { key: best[0], words: best[1] };
}
