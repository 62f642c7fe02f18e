import type { Place } from "../lexicon/places";
import { foldWords } from "../text/fold";
import type { GoldStatistic } from "./corpus-schema";

/**
 * A person writes a place by any of its names ("Daerah Istimewa Yogyakarta", "DIY"); the
 * table by one. Gold regions are read through the lexicon's aliases so that only a different
 * place counts as a wrong region, never another name for the same one.
 */
export function withLexiconRegionNames(
  gold: readonly GoldStatistic[],
  places: ReadonlyMap<string, Place>,
): GoldStatistic[] {
  const byAlias = new Map<string, string>();
  // A group's aliases may name its parts together ("Papua Barat dan Papua Barat Daya"),
  // which the table keeps as those parts: only single places are renamed.
  for (const p of places.values())
    if (p.level !== "kelompok")
      for (const alias of [p.name, ...p.aliases]) byAlias.set(foldWords(alias), p.name);
  return gold.map((g) => ({ ...g, region: byAlias.get(foldWords(g.region)) ?? g.region }));
}
