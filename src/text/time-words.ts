import type { TimeFile, TimeUnit } from "../lexicon/time-schema";
import { Phrases, phraseSet } from "./token-phrases";

export type TimeWords = ReturnType<typeof timeWordsOf>;

/** The words of intents/time.json as phrase tables, built once per lexicon. */
export function timeWordsOf(time: TimeFile) {
  const phrases = {
    months: new Phrases(
      time.months.flatMap((m) => [...m.names, ...m.short].map((w) => [w, m.month] as const)),
    ),
    units: new Phrases<TimeUnit>([
      ...time.units.year.map((w) => [w, "year"] as const),
      ...time.units.month.map((w) => [w, "month"] as const),
    ]),
    yearUnit: phraseSet(time.units.year),
    oneUnit: new Phrases(Object.entries(time.oneUnit)),
    after: new Phrases(Object.entries(time.relative.after)),
    before: new Phrases(Object.entries(time.relative.before)),
    ago: phraseSet(time.ago),
    later: phraseSet(time.later),
    numbers: new Phrases(Object.entries(time.numbers)),
    quarter: phraseSet(time.quarter),
    semester: phraseSet(time.semester),
    ordinals: new Phrases(Object.entries(time.ordinals)),
    edges: new Phrases([
      ...time.edges.start.map((w) => [w, "start"] as const),
      ...time.edges.end.map((w) => [w, "end"] as const),
    ]),
    joiners: phraseSet(time.yearJoiners),
    now: phraseSet(time.now),
  };
  return {
    ...phrases,
    countWords: new Set(time.countWords),
    // Without a digit or one of these words there is no period to find: most text has neither.
    triggers: new Set([
      ...phrases.months.firstWords(),
      ...phrases.units.firstWords(),
      ...phrases.oneUnit.firstWords(),
      ...phrases.now.firstWords(),
    ]),
    // The words any reading can start with; a word that is none of these (nor digits) starts none.
    openers: new Set(
      [
        phrases.quarter,
        phrases.semester,
        phrases.ordinals,
        phrases.months,
        phrases.edges,
        phrases.oneUnit,
        phrases.numbers,
        phrases.units,
        phrases.before,
        phrases.joiners,
        phrases.yearUnit,
        phrases.now,
      ].flatMap((table: Phrases<unknown>) => table.firstWords()),
    ),
  };
}
