/** A phrase found in a question's words: where, how long, and what it stands for. */
export type PhraseHit<T> = { value: T; at: number; length: number };

/**
 * Finds known phrases in words, longest first, each word used once. `taken` marks words
 * other detectors have used already, and is updated.
 */
export function findPhrases<T>(
  words: string[],
  taken: boolean[],
  table: ReadonlyMap<string, T>,
  maxWords: number,
): PhraseHit<T>[] {
  const hits: PhraseHit<T>[] = [];
  for (let n = Math.min(maxWords, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      if (taken.slice(i, i + n).some(Boolean)) continue;
      const value = table.get(words.slice(i, i + n).join(" "));
      if (value === undefined) continue;
      hits.push({ value, at: i, length: n });
      for (let k = i; k < i + n; k++) taken[k] = true;
    }
  }
  return hits.sort((a, b) => a.at - b.at);
}

export function hasPhrase(words: string[], phrases: readonly string[]): boolean {
  const text = ` ${words.join(" ")} `;
  return phrases.some((p) => text.includes(` ${p} `));
}
