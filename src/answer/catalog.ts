import { measureKey } from "../facts/fact-schema";
import { formatPeriod, yearOf } from "../format/period";
import type { Knowledge } from "../knowledge/knowledge";
import { articleList } from "./sources";

/** How many measures in the articles' own words /data names; the rest are counted. */
const OPEN_SHOWN = 12;

/** "/sumber": every article the figures come from, newest first. */
export function sourcesReply(knowledge: Knowledge): string {
  const { articles, facts } = knowledge.table;
  return [
    `Sumber data: ${articles.length} berita, ${facts.length} angka.`,
    ...articleList(knowledge),
  ].join("\n");
}

/**
 * "/data": what can be asked. Curated metrics with the places (at their own level) and years
 * they have; then the measures read in the articles' own words, the most stated first.
 */
export function catalogReply(knowledge: Knowledge): string {
  const newest = knowledge.table.newestFirst()[0]?.published;
  const open = openMeasures(knowledge);
  return [
    "Data yang ada (wilayah dan tahun):",
    ...knowledge.lexicon.metrics.flatMap((metric) =>
      metricLine(knowledge, metric.id, metric.label),
    ),
    ...(open.length
      ? [
          `Ukuran lain dari berita: ${open.slice(0, OPEN_SHOWN).join("; ")}${open.length > OPEN_SHOWN ? `; dan ${open.length - OPEN_SHOWN} lainnya` : ""}.`,
        ]
      : []),
    `Berita terbaru: ${newest ? formatPeriod(newest) : "-"}. Angka kota dan kabupaten hanya dari berita yang menyebutnya; angka provinsi tidak dipakai untuk kotanya.`,
  ].join("\n");
}

function metricLine(knowledge: Knowledge, metric: string, label: string): string[] {
  const regions = knowledge.table.regionsWith(metric);
  if (!regions.length) return [];
  const where = regions.map((region) => {
    const years = knowledge.table.find(metric, region).map((fact) => yearOf(fact.period));
    const [first, last] = [Math.min(...years), Math.max(...years)];
    return `${knowledge.regionName(region)} ${first}${last > first ? `–${last}` : ""}`;
  });
  return [`• ${label}: ${where.join("; ")}`];
}

/** The measures no curated metric covers, by how many facts state them. */
function openMeasures(knowledge: Knowledge): string[] {
  const counts = new Map<string, { name: string; facts: number }>();
  for (const fact of knowledge.table.facts) {
    if (fact.metric !== null) continue;
    const key = measureKey(fact);
    const seen = counts.get(key);
    if (seen) seen.facts++;
    else counts.set(key, { name: fact.measure, facts: 1 });
  }
  return [...counts.values()].sort((a, b) => b.facts - a.facts).map((m) => m.name);
}
