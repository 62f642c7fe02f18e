import { clauseWords } from "../knowledge/clause-words";
import type { Knowledge } from "../knowledge/knowledge";
import type { Query } from "../understand/query";
import type { Ask } from "./ask";
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
export function resolve(
  knowledge: Knowledge,
  query: Query,
  maxAsks = Number.POSITIVE_INFINITY,
): Resolved {
  const measures = measuresAsked(knowledge, query);
  const places = placesAsked(knowledge, query, measures.metrics);
  const assumed = [...measures.assumed, ...places.assumed];
  if (query.periods.length === 0 && !query.target && query.intent === "statistic")
    assumed.push("data terbaru");
  assumed.push(...query.periodNotes);
  if (query.outlets.length) assumed.push(`hanya sumber ${query.outlets.join(", ")}`);
  for (const guess of query.guessed)
    assumed.push(`"${guess.words}" dibaca ${knowledge.regionName(guess.region)}`);
  const { metrics } = measures;
  const { regions, choices } = places;
  const asks: Ask[] = [];
  const periods = query.periods.length ? query.periods : [undefined];
  made: for (const region of regions)
    for (const metric of metrics)
      for (const period of periods) {
        if (asks.length >= maxAsks) break made;
        asks.push({
          metric,
          region,
          period,
          target: query.target,
          percent: measures.percent,
          realised: query.realised,
          average: query.average,
          currency: query.currency,
          qualifiers: measures.qualifiers,
          phrases: query.restPhrases,
        });
      }
  return { asks, assumed, resolved: { ...query, regions, metrics }, choices };
}

type Measures = {
  metrics: string[];
  /** The question's words that narrow the measure, less those that named an open one. */
  qualifiers: string[];
  /** A share was asked of a measure that has none: the answer says so. */
  percent: boolean;
  assumed: string[];
};

function measuresAsked(knowledge: Knowledge, query: Query): Measures {
  const defaults = knowledge.lexicon.intents.defaults;
  const assumed: string[] = [];
  let { metrics, rest: qualifiers } = query;
  const change = metrics.length <= 1 ? changeAsked(knowledge, query, metrics[0]) : undefined;
  if (change) {
    metrics = [change.key];
    qualifiers = query.rest.filter((word) => !change.words.includes(word));
  }
  // "umkm kuliner kabupaten bogor": words no curated measure has may name one an article has.
  else if (query.rest.length && metrics.length <= 1) {
    const metric = metrics[0] ?? defaults.metric;
    const open =
      metric === defaults.metric
        ? openMeasureAsked(knowledge, query, metric)
        : partAsked(knowledge, query, metric);
    if (open) {
      metrics = [open.key];
      qualifiers = query.rest.filter((word) => !open.words.includes(word));
    }
  }
  // "yg blm?" after a share gone digital: the share not yet digital.
  if (query.notYet) metrics = metrics.map((metric) => notYetOf(knowledge, metric));
  if (metrics.length === 0) {
    const metric = query.percent
      ? defaults.percent
      : query.target
        ? defaults.target
        : defaults.metric;
    metrics = [metric];
    assumed.push(knowledge.metric(metric).label);
  }
  // "jumlah umkm lampung dan persentase digitalnya": "persen" goes with the share already named.
  // "jumlah umkm jabar yang belum digital": a count asked in a share's words is the count.
  const isShare = (metric: string) => knowledge.metric(metric).unit === "persen";
  if (query.count && !query.percent)
    metrics = metrics.map((metric) =>
      isShare(metric) ? (knowledge.metric(metric).partOf?.count ?? metric) : metric,
    );
  // A measure with no share of its own keeps its unit beside one that has it; asked alone,
  // the answer says there is no share rather than give the count.
  const shareOf = (metric: string) =>
    isShare(metric) ? metric : knowledge.metric(metric).shareMetric;
  const percentAsked = query.percent && !metrics.some(isShare);
  if (percentAsked) metrics = metrics.map((metric) => shareOf(metric) ?? metric);
  const percent = percentAsked && !metrics.some((metric) => shareOf(metric));
  return { metrics: [...new Set(metrics)], qualifiers, percent, assumed };
}

/**
 * "jumlah umkm jambi naik brp persen": how much a measure changed, as the articles name it
 * ("kenaikan jumlah UMKM", "pertumbuhan penyaluran KUR"), whichever word of that direction
 * they used.
 */
function changeAsked(knowledge: Knowledge, query: Query, metric: string | undefined) {
  if (!query.change) return undefined;
  const { changes } = knowledge.lexicon.extraction;
  const { table } = knowledge;
  const words = changes.flatMap((c) => c.words);
  const nouns = changes.filter((c) => Boolean(c.down) === (query.change === "down"));
  const isChange = (key: string) => nouns.some((c) => key.startsWith(`~${c.noun} `));
  // "pertumbuhan kredit umkm": the change of a measure an article names in its own words.
  const named = metric ? undefined : openMeasure(table, query.rest, query.regions, isChange);
  if (named) return { key: named.key, words: [...words, ...named.words] };
  const of = metric
    ? knowledge.metric(metric).label
    : (openMeasure(table, query.rest, query.regions)?.key.slice(1) ??
      knowledge.metric(knowledge.lexicon.intents.defaults.metric).label);
  const key = nouns.map((c) => `~${c.noun} ${of}`).find((k) => table.regionsWith(k).length);
  return key ? { key, words } : undefined;
}

/** A share's complement; for a count, the count of its share's complement. Else the metric itself. */
function notYetOf(knowledge: Knowledge, id: string): string {
  const metric = knowledge.metric(id);
  if (metric.complement) return metric.complement;
  const share = metric.shareMetric && knowledge.metric(metric.shareMetric).complement;
  if (!share) return id;
  return knowledge.countOf(share) ?? share;
}

/**
 * "debitur KUR mikro", "penyaluran KUR sektor pertanian": the articles name a part of a
 * curated measure after it ("debitur KUR mikro"); the part, when the question's words name one.
 */
function partAsked(knowledge: Knowledge, query: Query, metric: string) {
  const label = knowledge.metric(metric).label.toLowerCase();
  // "sektor" alone names no part: the words after it do, and each must be found.
  const said = new Set([
    ...label.split(" "),
    ...knowledge.lexicon.extraction.partCues.filter((cue) => !cue.includes(" ")),
  ]);
  const named = query.rest.filter((word) => !said.has(word));
  if (!named.length) return undefined;
  const open = openMeasure(knowledge.table, named, query.regions, (key) =>
    key.toLowerCase().startsWith(`~${label} `),
  );
  return open?.words.length === named.length ? open : undefined;
}

/**
 * "umkm kuliner kota makassar": a measure named elsewhere but not here is still the one
 * asked, unless this place's own figures say the words ("menurut bps umkm di bantul").
 */
function openMeasureAsked(knowledge: Knowledge, query: Query, metric: string) {
  const saidHere = query.regions.some((region) =>
    knowledge.table.find(metric, region).some((fact) => {
      // A fact with no clause of its own says nothing here (clauseWords would give its sentence).
      const said = fact.said ? clauseWords(fact) : "";
      return query.rest.some((word) => said.includes(word));
    }),
  );
  // "kredit umkm" is the amount lent, "porsi kredit umkm brp persen" the share: of measures
  // named by all the question's words, one in the kind of figure asked comes first.
  const table = knowledge.table;
  const inKind = (key: string) => {
    const region = table.regionsWith(key)[0];
    const unit = region && table.figures(key, region).realised[0]?.[0].unit;
    return (unit === "persen") === query.percent;
  };
  const find = (regions: readonly string[]) => {
    const best = openMeasure(table, query.rest, regions);
    const kind = openMeasure(table, query.rest, regions, inKind);
    // Only when it says all the question says: "porsi kredit" is no NPL ratio of credit.
    return kind?.words.length === query.rest.length ? kind : best;
  };
  return find(query.regions) ?? (query.regions.length && !saidHere ? find([]) : undefined);
}

type Places = { regions: string[]; choices?: Resolved["choices"]; assumed: string[] };

function placesAsked(knowledge: Knowledge, query: Query, metrics: readonly string[]): Places {
  const has = (metric: string, region: string) => {
    const figures = knowledge.table.figures(metric, region);
    return figures.realised.length + figures.targets.length > 0;
  };
  if (query.regions.length) return { regions: query.regions, assumed: [] };
  const { ambiguous } = query;
  const cities = ambiguous?.candidates.every(
    (candidate) => knowledge.lexicon.places.get(candidate)?.level !== "provinsi",
  );
  if (ambiguous && cities) {
    // "bogor": the regency or the city, whichever has the figure; both, and the person picks.
    const withData = ambiguous.candidates.filter((candidate) =>
      metrics.some((metric) => has(metric, candidate)),
    );
    // Candidates come in twos or more.
    const region = withData[0] ?? (ambiguous.candidates[0] as string);
    return {
      regions: [region],
      choices: withData.length > 1 ? { words: ambiguous.words, candidates: withData } : undefined,
      assumed: [`"${ambiguous.words}" dibaca ${knowledge.regionName(region)}`],
    };
  }
  // A measure only one place has, asked with no place: that place's figure, said to be its.
  // (measuresAsked always gives at least one metric.)
  const metric = metrics[0] as string;
  const only = metrics.length === 1 ? knowledge.table.regionsWith(metric) : [];
  if (!has(metric, "nasional") && only.length === 1) {
    return {
      regions: only,
      assumed: [`hanya ada data untuk ${knowledge.regionName(only[0] as string)}`],
    };
  }
  return { regions: ["nasional"], assumed: ["nasional"] };
}
