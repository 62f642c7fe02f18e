import type { Lexicon } from "../lexicon/load";
import type { Query } from "./query";

/**
 * Words of asking itself ("berapa", "ada", "dong"): set aside before the rest is read. With
 * `offTopic` false, the off-topic keywords stay in the rest: "sertifikat halal" may name a
 * measure an article gives.
 */
export function askingWordsOf(lex: Lexicon, offTopic = true): Set<string> {
  const { intents } = lex;
  const keywords = Object.entries(intents.keywords).flatMap(([intent, phrases]) =>
    offTopic || intent !== "out_of_scope" ? phrases : [],
  );
  return new Set([
    ...intents.questionWords,
    ...lex.slang.fillers,
    ...[
      ...keywords,
      ...intents.target,
      ...intents.percent,
      ...intents.realised,
      ...intents.achieved,
      // "nilai", "jumlah", "data": asking for a figure names no measure of an article's own.
      ...intents.figureWords,
      ...Object.values(intents.currencies).flat(),
    ].flatMap((p) => p.split(" ")),
  ]);
}

/**
 * What a question says besides asking: the words no detector took, and each with a neighbour.
 * Each once: a word said twice says no more, and a long message repeating its chatter would
 * otherwise be weighed against every figure word by word.
 */
export function restOf(
  words: readonly string[],
  taken: readonly boolean[],
  asking: ReadonlySet<string>,
): Pick<Query, "rest" | "restPhrases"> {
  const at = words.flatMap((w, i) =>
    !taken[i] && w.length > 2 && !asking.has(w) && !/^\d+$/.test(w) ? [i] : [],
  );
  return {
    // Each index came from words itself.
    rest: [...new Set(at.map((i) => words[i] as string))],
    restPhrases: [
      ...new Set(
        at.flatMap((i) =>
          [words[i - 1], words[i + 1]].flatMap((n, side) =>
            n ? [side ? `${words[i]} ${n}` : `${n} ${words[i]}`] : [],
          ),
        ),
      ),
    ],
  };
}
