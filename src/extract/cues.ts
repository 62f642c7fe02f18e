import type { ExtractionFile } from "../lexicon/metric-schema";
import { foldWords } from "../text/fold";

export type Rule = ExtractionFile["rules"][number];

/** The long forms, and one regex that says whether a text has any of them (most have none). */
export type LongForms = {
  each: { re: RegExp; replace: string }[];
  any: RegExp;
  /** Each long form at the start of a text, and the one word it stands for. */
  starts: { re: RegExp; word: string }[];
};

export function compileLongForms(
  forms: readonly { pattern: string; replace: string }[],
): LongForms {
  return {
    each: forms.map((f) => ({ re: new RegExp(f.pattern, "giu"), replace: ` ${f.replace} ` })),
    any: new RegExp(forms.map((f) => `(?:${f.pattern})`).join("|"), "iu"),
    starts: forms.map((f) => ({ re: new RegExp(`^\\s*(?:${f.pattern})`, "iu"), word: f.replace })),
  };
}

/** "1.186.431 usaha mikro, kecil, dan menengah (UMKM)": the long form right after a number is its noun. */
export function longFormNoun(after: string, longForms: LongForms): string | undefined {
  if (!longForms.any.test(after)) return undefined;
  return longForms.starts.find((f) => f.re.test(after))?.word;
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
  return anyOf(padded).test(words);
}

// One search for any cue of a list instead of one per cue: the same answer, since a search
// tries every alternative at every place.
const patterns = new WeakMap<readonly string[], RegExp>();

function anyOf(padded: readonly string[]): RegExp {
  let re = patterns.get(padded);
  if (!re) {
    re = padded.length
      ? new RegExp(padded.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"))
      : /(?!)/;
    patterns.set(padded, re);
  }
  return re;
}

/**
 * The first rule of the number's kind ("persen", "count", "uang") whose every (padded) cue
 * group is present in `words`, or, with `wider`, in any of them, as long as one group is in
 * `words`: "penyaluran UMi ... untuk 483 debitur" is UMi's debtors, though "UMi" is not next
 * to the number. The wider texts are looked up one by one, each once for all its numbers:
 * since they are padded and cues are single-spaced words, no cue would span two of them
 * joined with a space.
 */
export function classify(
  words: string,
  rules: readonly Rule[],
  unit: Rule["unit"],
  wider: readonly string[] = [],
): Rule | undefined {
  const index = indexOf(rules);
  const here = index.groupsIn(words);
  const around = wider.map((w) => index.groupsIn(w));
  return (index.byUnit.get(unit) ?? []).find(
    ({ groups }) =>
      groups.some((g) => here.has(g)) &&
      groups.every((g) => here.has(g) || around.some((a) => a.has(g))),
  )?.rule;
}

/**
 * The rules' cue groups, numbered, and their cues by first word. A text's words are looked up
 * once each, instead of searching the text for every cue of every rule; a cue of one word is
 * present exactly when it is one of the text's words between spaces, a longer one when its
 * first word is and the text holds it.
 */
type RuleIndex = {
  byUnit: Map<Rule["unit"], { rule: Rule; groups: number[] }[]>;
  groupsIn(words: string): ReadonlySet<number>;
};

/** A cue, padded, and the group it is in; a cue of one word is there whenever its word is. */
type CueOfGroup = { cue: string; group: number; single: boolean };

const indexes = new WeakMap<readonly Rule[], RuleIndex>();

function indexOf(rules: readonly Rule[]): RuleIndex {
  const known = indexes.get(rules);
  if (known) return known;
  const byUnit: RuleIndex["byUnit"] = new Map();
  const byFirst = new Map<string, CueOfGroup[]>();
  let groupCount = 0;
  for (const rule of rules) {
    const groups = rule.cues.map((group) => {
      const id = groupCount++;
      for (const cue of group) {
        const words = cue.slice(1, -1);
        const first = words.split(" ")[0] as string;
        const single = !words.includes(" ");
        byFirst.set(first, [...(byFirst.get(first) ?? []), { cue, group: id, single }]);
      }
      return id;
    });
    byUnit.set(rule.unit, [...(byUnit.get(rule.unit) ?? []), { rule, groups }]);
  }
  // The same few texts are asked about several times for one number: their groups are kept a while.
  const seen = new Map<string, ReadonlySet<number>>();
  const index: RuleIndex = {
    byUnit,
    groupsIn(words) {
      let groups = seen.get(words);
      if (groups) return groups;
      groups = cueGroupsIn(words, byFirst);
      if (seen.size >= 64) seen.clear();
      seen.set(words, groups);
      return groups;
    },
  };
  indexes.set(rules, index);
  return index;
}

/**
 * The groups of the cues a text holds, from its words between two spaces (not its first or
 * last), read off in place: splitting the text into an array first costs more than the lookups.
 */
function cueGroupsIn(words: string, byFirst: ReadonlyMap<string, CueOfGroup[]>): Set<number> {
  const found = new Set<number>();
  for (let space = words.indexOf(" "); space >= 0; ) {
    const next = words.indexOf(" ", space + 1);
    if (next < 0) break;
    for (const c of byFirst.get(words.slice(space + 1, next)) ?? [])
      if (c.single || words.includes(c.cue)) found.add(c.group);
    space = next;
  }
  return found;
}
