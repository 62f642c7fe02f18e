import type { OutletsFile } from "../lexicon/language-schema";
import type { Normalizer } from "./normalize";
import { allFree } from "./phrases";

export type OutletMatcher = (words: string[], taken: boolean[]) => string[];

type Alias = { outlets: Set<string>; needsCue: boolean };

/**
 * Finds the news outlets a question names ("menurut antara", "versi pos kupang"), longest name
 * first, and takes their words, so the places in "ANTARA News Bali" or "Tribun-Bali.com" are
 * never read as the region asked. A name is asked in full ("tribun bali com"), without its
 * domain and "news" ("tribun bali"), or by its first word ("tribun"). A name that starts with an
 * ordinary word ("antara" = between, "pos", "bisnis") needs a cue before it ("menurut"), unless
 * it is written with its domain ("bisnis com").
 */
export function makeOutletMatcher(
  outlets: readonly string[],
  file: OutletsFile,
  normalize: Normalizer,
  ordinary: (word: string) => boolean,
): OutletMatcher {
  const drop = new Set(file.dropWords);
  const aliases = new Map<string, Alias>();
  const add = (words: string[], outlet: string, needsCue: boolean) => {
    if (words.length === 0) return;
    const key = words.join(" ");
    const alias = aliases.get(key) ?? { outlets: new Set(), needsCue };
    alias.outlets.add(outlet);
    alias.needsCue &&= needsCue;
    aliases.set(key, alias);
  };
  for (const outlet of new Set(outlets)) {
    const words = normalize(outlet);
    const kept = words.filter((w) => !drop.has(w));
    const plain = ordinary(kept[0] ?? "");
    add(words, outlet, plain && kept.length === words.length);
    add(kept, outlet, plain);
    if (kept.length > 1) add(kept.slice(0, 1), outlet, plain);
  }
  const longest = Math.max(0, ...[...aliases.keys()].map((a) => a.split(" ").length));
  const firstWords = new Set([...aliases.keys()].map((a) => a.split(" ")[0] as string));
  const cues = file.cues.map((c) => c.split(" "));
  const cueBefore = (words: string[], at: number) =>
    cues.find((c) => c.length <= at && c.every((w, i) => words[at - c.length + i] === w));

  return (words, taken) => {
    const found: string[] = [];
    const starts: number[] = [];
    for (let i = 0; i < words.length; i++) if (firstWords.has(words[i] as string)) starts.push(i);
    for (let n = Math.min(longest, words.length); n >= 1; n--) {
      for (const i of starts) {
        if (i + n > words.length || !allFree(taken, i, n)) continue;
        const alias = aliases.get(words.slice(i, i + n).join(" "));
        if (!alias) continue;
        const cue = cueBefore(words, i);
        if (alias.needsCue && !cue) continue;
        const from = cue ? i - cue.length : i;
        for (let k = from; k < i + n; k++) taken[k] = true;
        found.push(...alias.outlets);
      }
    }
    return [...new Set(found)];
  };
}
