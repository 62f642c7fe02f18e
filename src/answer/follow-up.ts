import type { Query } from "../understand/query";

const FIGURE_INTENTS = new Set(["statistic", "comparison", "trend"]);

/**
 * A follow-up keeps what it does not change. "kalau Jawa Barat?" changes the place and keeps
 * the measure and the time; "yang mikro?" changes the measure and keeps the place and the
 * time; "terus bulan juni?" changes the time (in the year of the talk); "sudah sesuai
 * target?" and "jadi berapa persennya?" ask about the last figure. A question that names both
 * a place and a measure, or says UMKM and asks a figure ("jabar umkm ada brp"), is a new one.
 */
export function withContext(query: Query, last?: Query): Query {
  // "sumbernya?" then "ekspornya?": asking for the source keeps the figure talked about.
  const previous = last?.intent === "source" ? { ...last, intent: "statistic" as const } : last;
  if (!previous || !FIGURE_INTENTS.has(previous.intent)) return query;
  if (query.intent === "source") return { ...previous, intent: "source", numbers: query.numbers };
  const place = query.regions.length > 0 || Boolean(query.ambiguous);
  const time = query.periods.length > 0 || query.latest;
  // "umkm binaan kab bogor", "sertifikat halalnya di gorontalo?": words of a measure of their
  // own, though no curated one, name a measure.
  const offTopic = query.intent === "out_of_scope";
  const measure =
    query.metrics.length > 0 || ((query.topic || (offTopic && place)) && query.rest.length > 0);
  // "kalau menurut celebes pos?": another source for the same figure; "rupiahnya?": another unit.
  const asksAbout =
    query.target ||
    query.percent ||
    query.realised ||
    query.notYet ||
    query.outlets.length > 0 ||
    query.currency !== undefined;
  // "harga cabai?" after a figure is no follow-up: it names neither a place nor a time.
  if (offTopic && !(place || time || asksAbout)) return query;
  const ownQuestion =
    query.whole || (query.topic && (query.intent === "trend" || query.intent === "comparison"));
  if (!(place || time || measure || asksAbout) || (place && measure) || ownQuestion) return query;
  const periods = time ? yearOfTalk(query, previous) : previous.periods;
  return {
    ...previous,
    intent:
      query.regions.length > 1 || periods.length > 1
        ? "comparison"
        : FIGURE_INTENTS.has(query.intent) && query.intent !== "statistic"
          ? query.intent
          : previous.intent === "comparison" && (place || time)
            ? "statistic"
            : previous.intent,
    regions: place ? query.regions : previous.regions,
    ambiguous: place ? query.ambiguous : previous.ambiguous,
    guessed: place ? query.guessed : previous.guessed,
    metrics: measure ? query.metrics : previous.metrics,
    rest: measure || query.rest.length ? query.rest : previous.rest,
    restPhrases: measure || query.rest.length ? query.restPhrases : previous.restPhrases,
    periods,
    periodNotes: !time ? previous.periodNotes : periods === query.periods ? query.periodNotes : [],
    yearGuessed: [],
    latest: time ? query.latest : previous.latest,
    target: query.target || (!measure && !time && !place && previous.target && !query.realised),
    percent: query.percent || (!measure && previous.percent),
    count: query.count,
    average: query.average,
    currency: query.currency ?? (measure ? undefined : previous.currency),
    change: query.change ?? (measure ? undefined : previous.change),
    realised: query.realised,
    notYet: query.notYet,
    outlets: query.outlets.length ? query.outlets : previous.outlets,
    unsupported: query.unsupported,
  };
}

/** "terus bulan juni?" after a question about 2023 asks for June 2023, not the last June before today. */
function yearOfTalk(query: Query, previous: Query): Query["periods"] {
  const year = previous.periods.at(-1)?.slice(0, 4);
  if (!year) return query.periods;
  return query.periods.map((period) =>
    query.yearGuessed.includes(period) ? `${year}${period.slice(4)}` : period,
  );
}
