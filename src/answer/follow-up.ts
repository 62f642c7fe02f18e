import type { Query } from "../understand/query";

const FIGURE_INTENTS = new Set(["statistic", "comparison", "trend"]);

/**
 * "kalau Jawa Barat?" or "tahun 2022?" right after a question asks the same thing again for
 * another place or time. A question that names a metric or UMKM itself is a new question.
 */
export function withContext(q: Query, previous?: Query): Query {
  if (!previous || !FIGURE_INTENTS.has(previous.intent)) return q;
  if (q.intent === "source") return { ...previous, intent: "source", numbers: q.numbers };
  const onlyPlaceOrTime = q.metrics.length === 0 && !q.topic && !q.target && !q.percent;
  const saysPlaceOrTime =
    q.regions.length > 0 || q.periods.length > 0 || q.latest || Boolean(q.ambiguous);
  if (!FIGURE_INTENTS.has(q.intent) || !onlyPlaceOrTime || !saysPlaceOrTime) return q;
  const newPlace = q.regions.length > 0 || Boolean(q.ambiguous);
  return {
    ...previous,
    intent:
      q.regions.length > 1 || q.periods.length > 1
        ? "comparison"
        : previous.intent === "comparison"
          ? "statistic"
          : previous.intent,
    regions: newPlace ? q.regions : previous.regions,
    periods: q.periods.length || q.latest ? q.periods : previous.periods,
    periodNotes: q.periods.length || q.latest ? q.periodNotes : previous.periodNotes,
    latest: q.latest,
    cities: q.cities,
    guessed: q.guessed,
    ambiguous: q.ambiguous,
  };
}
