import type { Fact } from "../facts/fact-schema";
import { foldWords } from "../text/fold";

// Folded once per fact, when its table is built, not once per question that weighs it.
const folded = new WeakMap<Fact, string>();

/**
 * A fact's own clause (its sentence, when it has no clause) folded to words and padded with a
 * space at each end, for matching a question's words (" kuliner ") against what the fact says.
 */
export function clauseWords(f: Fact): string {
  let words = folded.get(f);
  if (words === undefined) {
    words = ` ${foldWords(f.said || f.quote)} `;
    folded.set(f, words);
  }
  return words;
}

/** The clause words of a fact, worked out elsewhere (by the worker that built it). */
export function knowClauseWords(f: Fact, words: string): void {
  folded.set(f, words);
}
