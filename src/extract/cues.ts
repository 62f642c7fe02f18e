import type { ExtractionFile } from "../lexicon/metric-schema";
import { foldWords } from "../text/fold";

export type Rule = ExtractionFile["rules"][number];

/** Words of a text ready for cue lookup: folded, long forms collapsed, padded with spaces. */
export function cueText(
  text: string,
  longForms: readonly { re: RegExp; replace: string }[],
): string {
  let t = ` ${text.toLowerCase()} `;
  for (const f of longForms) t = t.replace(f.re, f.replace);
  return ` ${foldWords(t)} `;
}

export function hasCue(words: string, cues: readonly string[]): boolean {
  return cues.some((c) => words.includes(` ${c} `));
}

/** The first rule of the number's kind whose every cue group is present. */
export function classify(
  words: string,
  rules: readonly Rule[],
  percent: boolean,
): Rule | undefined {
  const unit = percent ? "persen" : "count";
  return rules.find((r) => r.unit === unit && r.cues.every((group) => hasCue(words, group)));
}
