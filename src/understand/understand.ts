import type { Lexicon } from "../lexicon/load";
import { COMMON_WORDS } from "./common-words";
import { detectIntent } from "./intent";
import { makeMetricMatcher, narrowest } from "./metric";
import { makeNormalizer, vocabularyOf } from "./normalize";
import { makeOutletMatcher } from "./outlet";
import { makePeriodDetector, quotedNumbers } from "./period";
import { hasPhraseIn, phraseText } from "./phrases";
import type { Query } from "./query";
import { makeRegionMatcher } from "./region";

export type Understander = (question: string, today: Date) => Query;

// The detectors that depend on the lexicon alone, made once per lexicon: a reload that keeps
// the lexicon and adds articles only makes the outlet matcher again.
const detectors = new WeakMap<Lexicon, ReturnType<typeof makeDetectors>>();

function detectorsOf(lex: Lexicon): ReturnType<typeof makeDetectors> {
  let d = detectors.get(lex);
  if (!d) {
    d = makeDetectors(lex);
    detectors.set(lex, d);
  }
  return d;
}

function makeDetectors(lex: Lexicon) {
  const vocabulary = vocabularyOf(lex);
  const { intents } = lex;
  const narrows = new Map(lex.metrics.map((m) => [m.id, m.narrows ?? []]));
  return {
    vocabulary,
    normalize: makeNormalizer(lex, vocabulary),
    matchRegions: makeRegionMatcher(lex, vocabulary),
    matchMetrics: makeMetricMatcher(lex, vocabulary),
    detectPeriod: makePeriodDetector(lex.time),
    placeWords: new Set([...lex.places.values()].flatMap((p) => p.aliases.join(" ").split(" "))),
    // What a question says besides asking: the words no detector took, once these are set aside.
    asking: new Set([
      ...intents.questionWords,
      ...lex.slang.fillers,
      ...[
        ...Object.values(intents.keywords).flat(),
        ...intents.target,
        ...intents.percent,
        ...intents.realised,
      ].flatMap((p) => p.split(" ")),
    ]),
    narrowsOf: (id: string) => narrows.get(id) ?? [],
  };
}

/**
 * Question in, Query out: outlet, place, metric, time and intent detected separately, each
 * small. `outlets` are the outlet names of the articles loaded, as the articles write them.
 */
export function makeUnderstander(lex: Lexicon, outlets: readonly string[]): Understander {
  const d = detectorsOf(lex);
  const { vocabulary, normalize, matchRegions, matchMetrics, detectPeriod, placeWords } = d;
  const { asking, narrowsOf } = d;
  const matchOutlets = makeOutletMatcher(
    outlets,
    lex.outlets,
    normalize,
    (w) => COMMON_WORDS.has(w) || vocabulary.has(w) || placeWords.has(w),
  );
  const { intents } = lex;
  // Each unsupported measure as a list of its own, made once: the lookups are split once each.
  const asLists = new Map(intents.unsupported.map((u) => [u, [u]]));
  const unsupported = (u: string) => asLists.get(u) as string[];
  return (question, today) => {
    const words = normalize(question);
    const said = phraseText(words);
    const has = (phrases: readonly string[]) => hasPhraseIn(said, phrases);
    const taken = words.map(() => false);
    // Outlets first: the place in "Tribun-Bali.com" is no region asked.
    const outletsNamed = matchOutlets(words, taken);
    const { periods, latest, notes, yearGuessed } = detectPeriod(words, taken, today);
    const metricHits = matchMetrics(words, taken);
    const regionResult = matchRegions(words, taken);
    const hits = regionResult.hits;
    // "kota metro lampung": a province named beside one of its cities only says where the city lies.
    const within = new Set(
      hits.flatMap((h) => {
        const p = lex.places.get(h.region);
        return p && (p.level === "kabupaten" || p.level === "kota") ? [p.province] : [];
      }),
    );
    const regions = [...new Set(hits.map((h) => h.region).filter((r) => !within.has(r)))];
    const metrics = narrowest(metricHits, words, narrowsOf);
    // "yg usaha kecil brp": "usaha" inside a measure's name says no more than the measure.
    const onTopic = hasPhraseIn(phraseText(words.filter((_, i) => !taken[i])), intents.topic);
    const ambiguous = regions.length === 0 ? regionResult.ambiguous[0] : undefined;
    const rest = words.flatMap((w, i) =>
      !taken[i] && w.length > 2 && !asking.has(w) && !/^\d+$/.test(w) ? [i] : [],
    );
    const asksFigure = periods.length > 0 || has(intents.figureWords);
    const intent = detectIntent(intents.keywords, {
      words,
      said,
      regions: regions.length + (ambiguous ? 1 : 0),
      metrics: metrics.length,
      period: periods.length > 0 || latest,
      periods: periods.length,
      outlets: outletsNamed.length,
      onTopic,
      asksFigure,
    });
    return {
      intent,
      regions,
      metrics,
      periods,
      periodNotes: notes,
      yearGuessed,
      latest,
      outlets: outletsNamed,
      target: has(intents.target) || has(intents.ofTarget),
      // "udah berapa persen dari target?" asks how much of the target was reached.
      percent: has(intents.percent) && !has(intents.ofTarget),
      count: has(intents.countWords),
      average: has(intents.averageWords),
      guessed: hits.filter((h) => h.fuzzy).map((h) => ({ words: h.words, region: h.region })),
      ambiguous: ambiguous && { words: ambiguous.words, candidates: ambiguous.candidates },
      // "jumlah umkm yg ekspor": a measure the bot lacks, even when the plain total is also named.
      unsupported: metrics.some((m) => m !== intents.defaults.metric)
        ? undefined
        : intents.unsupported.find((u) => hasPhraseIn(said, unsupported(u))),
      realised: has(intents.realised),
      rest: rest.map((i) => words[i] as string),
      restPhrases: rest.flatMap((i) =>
        [words[i - 1], words[i + 1]].flatMap((n, side) =>
          n ? [side ? `${words[i]} ${n}` : `${n} ${words[i]}`] : [],
        ),
      ),
      numbers: quotedNumbers(question),
      topic: onTopic,
      whole: onTopic && has(intents.figureWords),
    };
  };
}
