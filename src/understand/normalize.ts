import type { Lexicon } from "../lexicon/load";
import { foldWords, phrasePattern } from "../text/fold";

export type Normalizer = (question: string) => string[];

/**
 * Turns a question as typed into standard words: case and punctuation folded, stretched
 * letters shrunk ("berapaaa"), informal spellings replaced ("brp" → "berapa") and "-nya"
 * split off words the bot knows ("umkmnya"). No stemming: it would turn "menengah" into
 * "tengah" and "pelaku" into "laku".
 */
export function makeNormalizer(lex: Lexicon, vocabulary: ReadonlySet<string>): Normalizer {
  const slang = new Map(Object.entries(lex.slang.words));
  const { suffix } = lex.slang;
  // "nasionalnya?", "jabarnya": a place's one-word name takes "-nya" as any known word does.
  const known = new Set(vocabulary);
  for (const place of lex.places.values())
    for (const alias of place.aliases) if (!alias.includes(" ")) known.add(alias);
  const phrases = Object.entries(lex.slang.phrases).map(
    ([from, to]) =>
      [
        new RegExp(`(?<![a-z0-9])${phrasePattern(from)}(?![a-z0-9])`, "g"),
        to,
        from.split(" ")[0] as string,
      ] as const,
  );
  // "'21" is a year: the apostrophe goes in folding, so it is said with a year word first.
  const yearWord = lex.time.units.year[0] ?? "";
  return (question) => {
    const years = readable(question).normalize("NFKC").replace(SHORT_YEAR, `$1 ${yearWord} $2`);
    let text = foldWords(years).replace(/(\p{L})\1{2,}/gu, "$1");
    // A phrase's first word is in the text, or the phrase is not.
    for (const [re, to, first] of phrases) if (text.includes(first)) text = text.replace(re, to);
    const out: string[] = [];
    for (const w of text.split(" ")) {
      if (!w) continue;
      const word = slang.get(w) ?? unstretch(w, vocabulary);
      if (word === "") continue;
      const stem = word.endsWith(suffix) ? word.slice(0, -suffix.length) : "";
      if (stem && !known.has(word) && known.has(slang.get(stem) ?? stem))
        out.push(slang.get(stem) ?? stem, suffix);
      else if (word.includes(" ")) out.push(...word.split(" "));
      else out.push(word);
    }
    return out;
  };
}

/**
 * Telegram's longest message. A longer text (from the command line) is read from its end,
 * where the question is: everything up to this length is read, so a question after a long
 * preamble is still understood, and no text costs more than this much reading.
 */
export const MAX_QUESTION_LENGTH = 4096;

export function readable(question: string): string {
  return question.length > MAX_QUESTION_LENGTH ? question.slice(-MAX_QUESTION_LENGTH) : question;
}

const SHORT_YEAR = /(^|[^\p{L}\p{N}])['’‘`´](\d{2})(?!\d)/gu;

/** "digitall", "umkmm": a doubled last letter the vocabulary does not know is a typing slip. */
function unstretch(word: string, vocabulary: ReadonlySet<string>): string {
  if (vocabulary.has(word) || word.length < 2 || word.at(-1) !== word.at(-2)) return word;
  const shorter = word.replace(/(\p{L})\1+$/u, "$1");
  return vocabulary.has(shorter) ? shorter : word;
}

/** Every word the lexicon uses in a phrase: what the bot "knows" and never fuzzy-matches to a place. */
export function vocabularyOf(lex: Lexicon): Set<string> {
  const phrases = [
    ...lex.metrics.flatMap((m) => m.synonyms),
    ...Object.values(lex.intents.keywords).flat(),
    ...lex.intents.target,
    ...lex.intents.percent,
    ...lex.intents.shareNouns,
    ...timeWordsOf(lex),
    ...lex.outlets.cues,
    ...lex.intents.topic,
    ...lex.intents.unsupported,
    ...Object.values(lex.intents.currencies).flat(),
    ...Object.values(lex.slang.phrases),
    ...Object.values(lex.slang.words),
    ...lex.slang.fillers,
    ...lex.regions.notRegions,
  ];
  return new Set(phrases.flatMap((p) => p.split(" ")).filter(Boolean));
}

function timeWordsOf(lex: Lexicon): string[] {
  const t = lex.time;
  return [
    ...t.months.flatMap((m) => [...m.names, ...m.short]),
    ...t.now,
    ...t.units.year,
    ...t.units.month,
    ...Object.keys(t.oneUnit),
    ...Object.keys(t.relative.after),
    ...Object.keys(t.relative.before),
    ...t.ago,
    ...t.later,
    ...Object.keys(t.numbers),
    ...t.quarter,
    ...t.semester,
    ...Object.keys(t.ordinals),
    ...t.edges.start,
    ...t.edges.end,
  ];
}
