import { clauseWords } from "../knowledge/clause-words";
import type { Knowledge } from "../knowledge/knowledge";
import type { Query } from "../understand/query";
import type { Ask } from "./figures";
import { openMeasure } from "./open-measures";

export type Resolved = {
  asks: Ask[];
  assumed: string[];
  resolved: Query;
  /** Places to pick from, when the question's words name several that all have the figure. */
  choices?: { words: string; candidates: string[] };
};

/**
 * Fills in what the question left out, and says so. Of the asks (each region, metric and
 * period), only the first `maxAsks` are made: an answer shows no more than a few blocks.
 */
export function resolve(k: Knowledge, q: Query, maxAsks = Number.POSITIVE_INFINITY): Resolved {
  const assumed: string[] = [];
  const defaults = k.lexicon.intents.defaults;
  let qualifiers = q.rest;
  let metrics = q.metrics;
  // "umkm kuliner kabupaten bogor": words no curated measure has may name one an article has.
  if (metrics.every((m) => m === defaults.metric) && q.rest.length) {
    // "umkm kuliner kota makassar": a measure named elsewhere but not here is still the one
    // asked, unless this place's own figures say the words ("menurut bps umkm di bantul").
    const saidHere = q.regions.some((r) =>
      k.table.find(metrics[0] ?? defaults.metric, r).some((f) => {
        // A fact with no clause of its own says nothing here (clauseWords would give its sentence).
        const said = f.said ? clauseWords(f) : "";
        return q.rest.some((w) => said.includes(w));
      }),
    );
    const open =
      openMeasure(k.table, q.rest, q.regions) ??
      (q.regions.length && !saidHere ? openMeasure(k.table, q.rest, []) : undefined);
    if (open) {
      metrics = [open.key];
      qualifiers = q.rest.filter((w) => !open.words.includes(w));
    }
  }
  if (metrics.length === 0) {
    metrics = [q.percent ? defaults.percent : q.target ? defaults.target : defaults.metric];
    assumed.push(k.metric(metrics[0] as string).label);
  }
  // "jumlah umkm lampung dan persentase digitalnya": "persen" goes with the share already named.
  // "jumlah umkm jabar yang belum digital": a count asked in a share's words is the count.
  if (q.count && !q.percent)
    metrics = metrics.map((m) =>
      k.metric(m).unit === "persen" ? (k.metric(m).partOf?.count ?? m) : m,
    );
  // A measure with no share of its own keeps its unit beside one that has it; asked alone,
  // the answer says there is no share rather than give the count.
  const shareOf = (m: string) => (k.metric(m).unit === "persen" ? m : k.metric(m).shareMetric);
  const percentAsked = q.percent && !metrics.some((m) => k.metric(m).unit === "persen");
  if (percentAsked) metrics = metrics.map((m) => shareOf(m) ?? m);
  const percent = percentAsked && !metrics.some((m) => shareOf(m));
  metrics = [...new Set(metrics)];
  const has = (metric: string, region: string) => {
    const f = k.table.figures(metric, region);
    return f.realised.length + f.targets.length > 0;
  };
  let regions = q.regions;
  let choices: Resolved["choices"];
  const cities = q.ambiguous?.candidates.every(
    (c) => k.lexicon.places.get(c)?.level !== "provinsi",
  );
  if (!regions.length && q.ambiguous && cities) {
    // "bogor": the regency or the city, whichever has the figure; both, and the person picks.
    const withData = q.ambiguous.candidates.filter((c) => metrics.some((m) => has(m, c)));
    if (withData.length > 1) choices = { words: q.ambiguous.words, candidates: withData };
    regions = [withData[0] ?? (q.ambiguous.candidates[0] as string)];
    assumed.push(`"${q.ambiguous.words}" dibaca ${k.regionName(regions[0] as string)}`);
  }
  if (!regions.length) {
    // A measure only one place has, asked with no place: that place's figure, said to be its.
    const only = metrics.length === 1 ? k.table.regionsWith(metrics[0] as string) : [];
    if (!has(metrics[0] as string, "nasional") && only.length === 1) {
      regions = only;
      assumed.push(`hanya ada data untuk ${k.regionName(only[0] as string)}`);
    } else {
      regions = ["nasional"];
      assumed.push("nasional");
    }
  }
  const target = q.target;
  if (q.periods.length === 0 && !target && q.intent === "statistic") assumed.push("data terbaru");
  assumed.push(...q.periodNotes);
  if (q.outlets.length) assumed.push(`hanya sumber ${q.outlets.join(", ")}`);
  for (const g of q.guessed) assumed.push(`"${g.words}" dibaca ${k.regionName(g.region)}`);
  const asks: Ask[] = [];
  const periods = q.periods.length ? q.periods : [undefined];
  made: for (const region of regions)
    for (const metric of metrics)
      for (const period of periods) {
        if (asks.length >= maxAsks) break made;
        asks.push({
          metric,
          region,
          period,
          target,
          percent,
          realised: q.realised,
          average: q.average,
          qualifiers,
          phrases: q.restPhrases,
        });
      }
  return { asks, assumed, resolved: { ...q, regions, metrics }, choices };
}
