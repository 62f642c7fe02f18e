import type { Lexicon } from "../lexicon/load";
import { makeAskReader } from "./asks";
import { COMMON_WORDS } from "./common-words";
import { detectIntent } from "./intent";
import { makeMetricMatcher, narrowest } from "./metric";
import { makeNormalizer, vocabularyOf } from "./normalize";
import { makeOutletMatcher } from "./outlet";
import { makePeriodDetector, quotedNumbers } from "./period";
import { hasPhraseIn, phraseText } from "./phrases";
import type { Query } from "./query";
import { makeRegionMatcher, placesAsked } from "./region";
import { askingWordsOf, restOf } from "./rest";

export type Understander = (question: string, today: Date) => Query;

type Detectors = ReturnType<typeof makeDetectors>;

// The detectors that depend on the lexicon alone, made once per lexicon: a reload that keeps
// the lexicon and adds articles only makes the outlet matcher again.
const detectors = new WeakMap<Lexicon, Detectors>();

function detectorsOf(lex: Lexicon): Detectors {
  let d = detectors.get(lex);
  if (!d) {
    d = makeDetectors(lex);
    detectors.set(lex, d);
  }
  return d;
}

function makeDetectors(lex: Lexicon) {
  const vocabulary = vocabularyOf(lex);
  const narrows = new Map(lex.metrics.map((m) => [m.id, m.narrows ?? []]));
  const placeWords = new Set(
    [...lex.places.values()].flatMap((p) => p.aliases.join(" ").split(" ")),
  );
  return {
    normalize: makeNormalizer(lex, vocabulary),
    matchRegions: makeRegionMatcher(lex, vocabulary),
    matchMetrics: makeMetricMatcher(lex, vocabulary),
    detectPeriod: makePeriodDetector(lex.time),
    readAsks: makeAskReader(lex.intents, lex.extraction.changes),
    /** A word an outlet's name may start with only after a cue ("menurut antara"). */
    ordinary: (w: string) => COMMON_WORDS.has(w) || vocabulary.has(w) || placeWords.has(w),
    asking: askingWordsOf(lex),
    askingOffTopic: askingWordsOf(lex, false),
    joiners: new Set(lex.intents.joiners),
    narrowsOf: (id: string) => narrows.get(id) ?? [],
  };
}

/**
 * Question in, Query out: outlet, place, metric, time and intent detected separately, each
 * small. `outlets` are the outlet names of the articles loaded, as the articles write them.
 */
export function makeUnderstander(lex: Lexicon, outlets: readonly string[]): Understander {
  const d = detectorsOf(lex);
  const matchOutlets = makeOutletMatcher(outlets, lex.outlets, d.normalize, d.ordinary);
  const { intents } = lex;
  return (question, today) => {
    const words = d.normalize(question);
    const said = phraseText(words);
    const taken = words.map(() => false);
    // Outlets first: the place in "Tribun-Bali.com" is no region asked.
    const outletsNamed = matchOutlets(words, taken);
    const time = d.detectPeriod(words, taken, today);
    const metrics = narrowest(d.matchMetrics(words, taken), words, d.narrowsOf, d.joiners);
    const places = placesAsked(d.matchRegions(words, taken), lex.places);
    // "yg usaha kecil brp": "usaha" inside a measure's name says no more than the measure.
    const free = phraseText(words.filter((_, i) => !taken[i]));
    const onTopic = hasPhraseIn(free, intents.topic);
    const figure = hasPhraseIn(said, intents.figureWords);
    const asks = d.readAsks(said, metrics);
    const intent = detectIntent(intents.keywords, {
      words,
      said,
      regions: places.regions.length + (places.ambiguous ? 1 : 0),
      metrics: metrics.length,
      period: time.periods.length > 0 || time.latest,
      periods: time.periods.length,
      outlets: outletsNamed.length,
      onTopic,
      asksFigure: time.periods.length > 0 || figure,
    });
    return {
      intent,
      ...places,
      metrics,
      periods: time.periods,
      periodNotes: time.notes,
      yearGuessed: time.yearGuessed,
      latest: time.latest,
      outlets: outletsNamed,
      ...asks,
      ...restOf(words, taken, intent === "out_of_scope" ? d.askingOffTopic : d.asking),
      numbers: quotedNumbers(question),
      topic: onTopic,
      // "umkm jatim per juni 23" names the subject, a place and a time: all a question needs.
      whole: onTopic && (figure || (places.regions.length > 0 && time.periods.length > 0)),
      // "sudah sesuai target belum?": "belum" there only asks yes or no.
      notYet:
        metrics.length === 0 && !asks.target && !asks.realised && hasPhraseIn(free, intents.notYet),
    };
  };
}
