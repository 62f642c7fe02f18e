import type { Query } from "../understand/query";

const FIGURE_INTENTS = new Set(["statistic", "comparison", "trend"]);

/**
 * A follow-up keeps what it does not change. "kalau Jawa Barat?" changes the place and keeps
 * the measure and the time; "yang mikro?" changes the measure and keeps the place and the
 * time; "terus bulan juni?" changes the time (in the year of the talk); "sudah sesuai
 * target?" and "jadi berapa persennya?" ask about the last figure. A question that names both
 * a place and a measure, or says UMKM and asks a figure ("jabar umkm ada brp"), is a new one.
 */
export function withContext(q: Query, previous?: Query): Query {
  if (!previous || !FIGURE_INTENTS.has(previous.intent)) return q;
  if (q.intent === "source") return { ...previous, intent: "source", numbers: q.numbers };
  const place = q.regions.length > 0 || Boolean(q.ambiguous);
  const time = q.periods.length > 0 || q.latest;
  // "umkm binaan kab bogor": words of a measure of their own, though no curated one, name a measure.
  const measure = q.metrics.length > 0 || (q.topic && q.rest.length > 0);
  // "kalau menurut celebes pos?": another source for the same figure.
  const asksAbout = q.target || q.percent || q.realised || q.outlets.length > 0;
  const ownQuestion = q.whole || (q.topic && (q.intent === "trend" || q.intent === "comparison"));
  if (!(place || time || measure || asksAbout) || (place && measure) || ownQuestion) return q;
  const periods = time ? yearOfTalk(q, previous) : previous.periods;
  return {
    ...previous,
    intent:
      q.regions.length > 1 || periods.length > 1
        ? "comparison"
        : FIGURE_INTENTS.has(q.intent) && q.intent !== "statistic"
          ? q.intent
          : previous.intent === "comparison" && (place || time)
            ? "statistic"
            : previous.intent,
    regions: place ? q.regions : previous.regions,
    ambiguous: place ? q.ambiguous : previous.ambiguous,
    guessed: place ? q.guessed : previous.guessed,
    metrics: measure ? q.metrics : previous.metrics,
    rest: measure || q.rest.length ? q.rest : previous.rest,
    restPhrases: measure || q.rest.length ? q.restPhrases : previous.restPhrases,
    periods,
    periodNotes: !time ? previous.periodNotes : periods === q.periods ? q.periodNotes : [],
    yearGuessed: [],
    latest: time ? q.latest : previous.latest,
    target: q.target || (!measure && !time && !place && previous.target && !q.realised),
    percent: q.percent || (!measure && previous.percent),
    count: q.count,
    average: q.average,
    realised: q.realised,
    outlets: q.outlets.length ? q.outlets : previous.outlets,
    unsupported: q.unsupported,
  };
}

/** "terus bulan juni?" after a question about 2023 asks for June 2023, not the last June before today. */
function yearOfTalk(q: Query, previous: Query): Query["periods"] {
  const year = previous.periods.at(-1)?.slice(0, 4);
  if (!year) return q.periods;
  return q.periods.map((p) => (q.yearGuessed.includes(p) ? `${year}${p.slice(4)}` : p));
}
