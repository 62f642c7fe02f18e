import type { ExtractionFile } from "../lexicon/metric-schema";
import { foldWords } from "../text/fold";

export type Rule = ExtractionFile["rules"][number];

/** The long forms, and one regex that says whether a text has any of them (most have none). */
export type LongForms = { each: { re: RegExp; replace: string }[]; any: RegExp };

export function compileLongForms(
  forms: readonly { pattern: string; replace: string }[],
): LongForms {
  return {
    each: forms.map((f) => ({ re: new RegExp(f.pattern, "giu"), replace: ` ${f.replace} ` })),
    any: new RegExp(forms.map((f) => `(?:${f.pattern})`).join("|"), "iu"),
  };
}

/** Long forms collapsed: "usaha mikro, kecil, dan menengah" becomes "umkm". */
export function collapseLongForms(text: string, longForms: LongForms): string {
  if (!longForms.any.test(text)) return text;
  return longForms.each.reduce((t, f) => t.replace(f.re, f.replace), text);
}

/**
 * Words of a text ready for cue lookup: folded, long forms collapsed, padded with spaces,
 * and "-nya" taken off longer words ("debiturnya", "kontribusinya") so the cue word matches.
 */
export function cueText(text: string, longForms: LongForms): string {
  const words = foldWords(collapseLongForms(text.toLowerCase(), longForms));
  return ` ${words.includes("nya") ? words.replace(/\b([a-z]{5,})nya\b/g, "$1") : words} `;
}

/** Cue phrases padded with spaces once, so that a lookup is one includes() per cue. */
export function pad(cues: readonly string[]): string[] {
  return cues.map((c) => ` ${c} `);
}

export function padRules(rules: readonly Rule[]): Rule[] {
  return rules.map((r) => ({ ...r, cues: r.cues.map(pad) }));
}

export function hasCue(words: string, padded: readonly string[]): boolean {
  return padded.some((c) => words.includes(c));
}

/**
 * The first rule of the number's kind ("persen", "count", "uang") whose every (padded) cue
 * group is present in `words`, or, with `wider`, in either, as long as one group is in `words`:
 * "penyaluran UMi ... untuk 483 debitur" is UMi's debtors, though "UMi" is not next to the number.
 */
export function classify(
  words: string,
  rules: readonly Rule[],
  unit: Rule["unit"],
  wider = "",
): Rule | undefined {
  return rules.find(
    (r) =>
      r.unit === unit &&
      r.cues.some((group) => hasCue(words, group)) &&
      r.cues.every((group) => hasCue(words, group) || hasCue(wider, group)),
  );
}
