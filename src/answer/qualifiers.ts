import { clauseWords } from "../knowledge/clause-words";
import type { Figures } from "../knowledge/fact-table";

/**
 * "debitur KUR mikro": of several figures of one measure, those whose own clause says what the
 * question adds ("KUR Mikro", not "KUR Kluster Super Mikro"). Phrases of the question found in
 * the clause count above single words. Of the figures of one time, those that say less of it
 * drop out; when none says any of it, all stay, and `unsaid` tells the answer to say so.
 */
export function narrowed(
  figures: Figures,
  words: readonly string[],
  phrases: readonly string[],
): Figures & { unsaid: boolean } {
  if (!words.length) return { ...figures, unsaid: false };
  // What is looked for, padded once per question rather than once per fact.
  const wordsSaid = words.map((word) => ` ${word}`);
  const phrasesSaid = phrases.map((phrase) => ` ${phrase} `);
  const count = (said: string, needles: readonly string[]) => {
    let hits = 0;
    for (const needle of needles) if (said.includes(needle)) hits++;
    return hits;
  };
  const score = (group: Figures["realised"][number]) =>
    Math.max(
      ...group.map((fact) => {
        const said = clauseWords(fact);
        return count(said, wordsSaid) + 2 * count(said, phrasesSaid);
      }),
    );
  let anySaid = false;
  // Only figures of one time compete: what the question adds never hides another year.
  const pick = (groups: Figures["realised"]) => {
    const best = new Map<string, number>();
    const scored = groups.map((group) => ({ group, points: score(group) }));
    if (scored.some(({ points }) => points > 0)) anySaid = true;
    for (const { group, points } of scored)
      best.set(group[0].period, Math.max(best.get(group[0].period) ?? 0, points));
    return scored
      .filter(({ group, points }) => points === best.get(group[0].period))
      .map((item) => item.group);
  };
  const realised = pick(figures.realised);
  const targets = pick(figures.targets);
  // No figure says any of it: what is shown is the measure as a whole, and must say so.
  const any = figures.realised.length + figures.targets.length > 0;
  return { realised, targets, unsaid: any && !anySaid };
}
