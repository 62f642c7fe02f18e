import { openMeasure } from "../answer/open-measures";
import { type Fact, measureKey } from "../facts/fact-schema";
import type { Knowledge } from "../knowledge/knowledge";

export type FactFilter = { regions: string[]; measures: string[] };

/**
 * A filter in the words of a question: a place ("jatim", "jawa" for its three provinces), a
 * measure ("go digital", "kur"), or both. A place takes the facts of the places inside it
 * too. Words that name neither make it an error, so "/unduh jatin" never sends everything.
 */
export function readFilter(
  k: Knowledge,
  text: string,
  today: Date,
): { filter: FactFilter } | { error: string } {
  if (!text.trim()) return { filter: { regions: [], measures: [] } };
  const q = k.understand(text, today);
  const regions = q.regions.length ? q.regions : (q.ambiguous?.candidates ?? []);
  const open = q.metrics.length ? undefined : openMeasure(k.table, q.rest, regions);
  const measures = open ? [open.key] : q.metrics;
  if (!regions.length && !measures.length)
    return {
      error: `"${text.trim()}" tidak dikenali sebagai wilayah atau data. Contoh: jatim, go digital, kur lampung.`,
    };
  return { filter: { regions, measures } };
}

export function filterFacts(facts: readonly Fact[], filter: FactFilter): Fact[] {
  const regions = new Set(filter.regions);
  const measures = new Set(filter.measures);
  return facts.filter(
    (f) =>
      (!regions.size ||
        regions.has(f.region) ||
        (f.province !== null && regions.has(f.province))) &&
      (!measures.size || measures.has(measureKey(f))),
  );
}

/** "Jawa Timur, UMKM go digital": what a filter took, for the file's caption. */
export function describeFilter(k: Knowledge, filter: FactFilter): string {
  return [
    ...filter.regions.map((r) => k.regionName(r)),
    ...filter.measures.map((m) => k.metric(m).label),
  ].join(", ");
}
