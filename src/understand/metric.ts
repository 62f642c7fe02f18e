import type { Lexicon } from "../lexicon/load";
import { COMMON_WORDS } from "./common-words";
import { FuzzyIndex } from "./fuzzy-index";
import { findPhrases, type PhraseHit } from "./phrases";

export type MetricMatcher = (words: string[], taken: boolean[]) => PhraseHit<string>[];

/** Metric synonyms, longest first; then one-word typos ("terdigitalsasi") of the longer synonyms. */
export function makeMetricMatcher(lex: Lexicon, vocabulary: ReadonlySet<string>): MetricMatcher {
  const bySynonym = new Map<string, string>();
  for (const m of lex.metrics)
    for (const s of m.synonyms) if (!bySynonym.has(s)) bySynonym.set(s, m.id);
  const maxWords = Math.max(...[...bySynonym.keys()].map((s) => s.split(" ").length));
  const singles = [...bySynonym]
    .filter(([s]) => !s.includes(" ") && s.length >= 6)
    .map(([word, metric]) => ({ word, metric }));
  const fuzzy = new FuzzyIndex(singles, (s) => s.word);

  return (words, taken) => {
    const hits = findPhrases(words, taken, bySynonym, maxWords);
    words.forEach((w, i) => {
      if (taken[i] || w.length < 6 || vocabulary.has(w) || COMMON_WORDS.has(w)) return;
      const best = fuzzy.within(w, 1)[0]?.item;
      if (!best) return;
      hits.push({ value: best.metric, at: i, length: 1 });
      taken[i] = true;
    });
    return hits.sort((a, b) => a.at - b.at);
  };
}

/**
 * "jumlah umkm go digital" names the total and go digital but asks for the narrower one;
 * "jumlah umkm dan umkm go digital" asks for both. A broad metric is dropped when a metric
 * that narrows it is also named, with no joiner ("dan") between them.
 */
export function narrowest(
  hits: PhraseHit<string>[],
  words: string[],
  narrowsOf: (id: string) => readonly string[],
  joiners: ReadonlySet<string>,
): string[] {
  const together = (a: PhraseHit<string>, b: PhraseHit<string>) => {
    const [first, second] = a.at < b.at ? [a, b] : [b, a];
    const between = words.slice(first.at + first.length, second.at);
    return !between.some((w) => joiners.has(w));
  };
  const kept = hits.filter(
    (h) => !hits.some((n) => n !== h && narrowsOf(n.value).includes(h.value) && together(h, n)),
  );
  return [...new Set(kept.map((h) => h.value))];
}
