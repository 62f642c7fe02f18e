import { type Lexicon, loadLexicon } from "../lexicon/load";
import type { Metric } from "../lexicon/metric-schema";
import { placeFor } from "../lexicon/places";
import type { DataPaths } from "../paths";
import { makeUnderstander, type Understander } from "../understand/understand";
import { buildFacts } from "./build";
import { type FactTable, indexFacts } from "./fact-table";
import { lexiconPrint } from "./lexicon-print";

/** Everything an answer is made from, built at once so a reload swaps all of it or nothing. */
export type Knowledge = {
  lexicon: Lexicon;
  table: FactTable;
  understand: Understander;
  metric(id: string): Metric;
  /** The count a share is written as a share of ("umkm_belum_digital" for its share), if any. */
  countOf(share: string): string | undefined;
  regionName(id: string): string;
};

export function loadKnowledge(paths: DataPaths): Knowledge {
  const lexicon = loadLexicon(paths.intentsDir);
  prints.set(lexicon, lexiconPrint(paths.intentsDir));
  const table = indexFacts(buildFacts(paths.seedsDir, lexicon, paths.limits));
  return makeKnowledge(lexicon, table);
}

// Which intents files each lexicon was read from, so a reload of the same files keeps it.
const prints = new WeakMap<Lexicon, string>();

export function loadLexiconOf(intentsDir: string): Lexicon {
  const lexicon = loadLexicon(intentsDir);
  prints.set(lexicon, lexiconPrint(intentsDir));
  return lexicon;
}

export function printOfLexicon(lexicon: Lexicon): string | undefined {
  return prints.get(lexicon);
}

export function makeKnowledge(lexicon: Lexicon, table: FactTable): Knowledge {
  const metrics = new Map(lexicon.metrics.map((m) => [m.id, m]));
  const counts = new Map(
    lexicon.metrics.flatMap((m) => (m.shareMetric ? [[m.shareMetric, m.id]] : [])),
  );
  const names = new Map([...lexicon.places.values()].map((p) => [p.id, p.name]));
  return {
    lexicon,
    table,
    understand: makeUnderstander(
      lexicon,
      table.articles.map((a) => a.outlet),
    ),
    // An open measure ("~unit usaha sektor kuliner") is named by its own words.
    metric: (id) =>
      metrics.get(id) ?? { id, label: id.replace(/^~/, ""), unit: "", synonyms: [id] },
    countOf: (share) => counts.get(share),
    regionName: (id) => names.get(id) ?? placeFor(lexicon.places, id)?.name ?? id,
  };
}
