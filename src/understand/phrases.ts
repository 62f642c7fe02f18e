/** A phrase found in a question's words: where, how long, and what it stands for. */
export type PhraseHit<T> = { value: T; at: number; length: number };

// The first word of each table's phrases: a word that starts none is passed over at once.
const firstWordsOf = new WeakMap<ReadonlyMap<string, unknown>, Set<string>>();

function firstWords(table: ReadonlyMap<string, unknown>): Set<string> {
  let first = firstWordsOf.get(table);
  if (!first) {
    first = new Set([...table.keys()].map((k) => k.split(" ")[0] as string));
    firstWordsOf.set(table, first);
  }
  return first;
}

/** Whether words[at .. at + length) are all still free. */
export function allFree(taken: readonly boolean[], at: number, length: number): boolean {
  for (let k = at; k < at + length; k++) if (taken[k]) return false;
  return true;
}

/**
 * Finds known phrases in words, longest first, each word used once. `taken` marks words
 * other detectors have used already, and is updated. Only words that start a phrase of the
 * table are tried, so a long message costs one set lookup per word and length.
 */
export function findPhrases<T>(
  words: string[],
  taken: boolean[],
  table: ReadonlyMap<string, T>,
  maxWords: number,
): PhraseHit<T>[] {
  const hits: PhraseHit<T>[] = [];
  const first = firstWords(table);
  const starts: number[] = [];
  for (let i = 0; i < words.length; i++) if (first.has(words[i] as string)) starts.push(i);
  for (let n = Math.min(maxWords, words.length); n >= 1; n--) {
    for (const i of starts) {
      if (i + n > words.length || !allFree(taken, i, n)) continue;
      const value = table.get(n === 1 ? (words[i] as string) : words.slice(i, i + n).join(" "));
      if (value === undefined) continue;
      hits.push({ value, at: i, length: n });
      for (let k = i; k < i + n; k++) taken[k] = true;
    }
  }
  return hits.sort((a, b) => a.at - b.at);
}

/**
 * A question's words, ready for phrase lookups: joined once, and as a set, so a phrase whose
 * first word is not said is settled by one set lookup instead of a search through the text.
 */
export type PhraseText = { text: string; words: ReadonlySet<string> };

export function phraseText(words: readonly string[]): PhraseText {
  return { text: ` ${words.join(" ")} `, words: new Set(words) };
}

export function hasPhraseIn(said: PhraseText, phrases: readonly string[]): boolean {
  const { single, longer } = splitOnce(phrases);
  for (const p of single) if (said.words.has(p)) return true;
  for (const p of longer) if (said.words.has(p.first) && said.text.includes(p.padded)) return true;
  return false;
}

/** A phrase that is more than a word: its first word, and itself padded for a search. */
type Longer = { first: string; padded: string };

// The lexicon's phrase lists are the same arrays question after question: split once each.
const split = new WeakMap<readonly string[], { single: string[]; longer: Longer[] }>();

function splitOnce(phrases: readonly string[]): { single: string[]; longer: Longer[] } {
  let s = split.get(phrases);
  if (!s) {
    s = { single: [], longer: [] };
    for (const p of phrases) {
      const space = p.indexOf(" ");
      if (space < 0) s.single.push(p);
      else s.longer.push({ first: p.slice(0, space), padded: ` ${p} ` });
    }
    split.set(phrases, s);
  }
  return s;
}

export function hasPhrase(words: readonly string[], phrases: readonly string[]): boolean {
  return hasPhraseIn(phraseText(words), phrases);
}
