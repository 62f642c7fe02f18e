import type { IntentsFile } from "../lexicon/language-schema";
import type { ExtractionFile } from "../lexicon/metric-schema";
import { hasPhraseIn, type PhraseText, phraseText } from "./phrases";
import type { Query } from "./query";

type Asks = Pick<
  Query,
  "target" | "percent" | "count" | "average" | "unsupported" | "realised" | "currency" | "change"
>;

export type AskReader = (said: PhraseText, metrics: readonly string[]) => Asks;

/** What a question asks of the figure besides place, measure and time: a target, a share, a count. */
export function makeAskReader(intents: IntentsFile, changes: ExtractionFile["changes"]): AskReader {
  // "udh sesuai target?" asks what was reached; "target 2024 brp, udh tercapai?" asks the target too.
  const asksTargetItself = (said: PhraseText) => {
    let rest = said.text;
    for (const p of intents.achieved) rest = rest.replaceAll(` ${p} `, "  ");
    return hasPhraseIn(phraseText(rest.trim().split(/\s+/)), intents.target);
  };
  // Each unsupported measure as a list of its own, made once: the lookups are split once each.
  const unsupported = intents.unsupported.map((measure) => ({ measure, phrases: [measure] }));
  const currencies = Object.entries(intents.currencies);
  const ups = changes.filter((c) => !c.down).flatMap((c) => c.words);
  const downs = changes.filter((c) => c.down).flatMap((c) => c.words);
  return (said, metrics) => {
    const has = (phrases: readonly string[]) => hasPhraseIn(said, phrases);
    return {
      target: has(intents.target) || has(intents.ofTarget),
      // "udah berapa persen dari target?" asks how much of the target was reached.
      percent: (has(intents.percent) || has(intents.shareNouns)) && !has(intents.ofTarget),
      count: has(intents.countWords),
      average: has(intents.averageWords),
      // "jumlah umkm yg ekspor": a measure the bot lacks, even when the plain total is also named.
      unsupported: metrics.some((m) => m !== intents.defaults.metric)
        ? undefined
        : unsupported.find((u) => has(u.phrases))?.measure,
      realised: has(intents.realised) || (has(intents.achieved) && !asksTargetItself(said)),
      currency: currencies.find(([, words]) => has(words))?.[0],
      // "naik turun" asks how it went, not how much it changed.
      change: has(downs) === has(ups) ? undefined : has(downs) ? "down" : "up",
    };
  };
}
