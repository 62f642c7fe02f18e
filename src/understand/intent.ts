import type { IntentId, IntentsFile } from "../lexicon/language-schema";
import { hasPhraseIn, type PhraseText } from "./phrases";

type Signals = {
  words: string[];
  /** The words, ready for phrase lookups. */
  said: PhraseText;
  regions: number;
  metrics: number;
  period: boolean;
  periods: number;
  outlets: number;
  onTopic: boolean;
  /** The question asks for a figure: "berapa", "jumlah", "persen", a year. */
  asksFigure: boolean;
};

/**
 * Settles what a question wants. Anything that names a place, a metric or a period is a
 * statistic question, whatever greeting comes with it; off-topic words only win when
 * nothing about UMKM figures was said.
 */
export function detectIntent(k: IntentsFile["keywords"], s: Signals): IntentId {
  const has = (intent: IntentId) => hasPhraseIn(s.said, k[intent] ?? []);
  const aboutFigures = s.regions > 0 || s.metrics > 0 || s.period || s.onTopic;
  // "umkm ntt sumber pos kupang" asks for a figure from that outlet, not where one came from.
  if (has("source") && !(s.outlets > 0 && aboutFigures)) return "source";
  if (has("trend") && aboutFigures) return "trend";
  if ((has("comparison") && aboutFigures) || s.regions > 1 || s.periods > 1) return "comparison";
  // "cara daftar NIB", "syarat pengajuan KUR": a procedure about a measure is still no figure.
  if (has("out_of_scope") && (s.metrics === 0 || !s.asksFigure)) return "out_of_scope";
  if (aboutFigures) return "statistic";
  if (has("help")) return "help";
  if (has("thanks")) return "thanks";
  if (has("greeting")) return "greeting";
  if (has("trend") || has("comparison")) return "help";
  return s.words.length === 0 || s.words.every((w) => w.length < 2) ? "help" : "out_of_scope";
}
