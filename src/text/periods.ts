import type { Period } from "../format/period";
import type { TimeFile } from "../lexicon/time-schema";
import { type Found, type PeriodRef, type Reading, readPeriodAt } from "./period-readers";
import { timeWordsOf } from "./time-words";
import { isDigit, type Token, tokensOf } from "./token-phrases";

/**
 * A period found in text. `relative` is set when the words needed a reference date or a
 * reading to become a period ("tahun lalu", "akhir 2019"): a question's answer says so.
 */
export type PeriodMention =
  | {
      start: number;
      end: number;
      kind: "period";
      period: Period;
      relative: boolean;
      /** A quarter or semester said without a year ("triwulan 2"): its year is today's guess. */
      yearGuessed?: boolean;
    }
  | { start: number; end: number; kind: "now" };

/** "2023-12-04" as a reference: its year and, when it has one, its month. */
export function referenceOf(date: Period): PeriodRef {
  const month = Number(date.slice(5, 7));
  return { year: Number(date.slice(0, 4)), month: month || undefined };
}

export type PeriodFinder = (folded: string, ref: PeriodRef) => PeriodMention[];

export type PeriodFinderOptions = Pick<Reading, "shortYears">;

/**
 * Builds the period finder from the time words of intents/time.json. It reads folded text
 * ("per maret 2023", "triwulan iv tahun 2023", "semester i 2021", "2 tahun lalu", "akhir
 * 2019", "last year", "saat ini") word by word, left to right, the longest reading at each
 * word first.
 */
export function makePeriodFinder(time: TimeFile, options: PeriodFinderOptions): PeriodFinder {
  const words = timeWordsOf(time);
  return (folded, ref) => {
    const tokens = tokensOf(folded);
    if (!tokens.some((t) => isDigit(t.text.charCodeAt(0)) || words.triggers.has(t.text))) return [];
    const reading: Reading = { tokens, ref, words, shortYears: options.shortYears };
    const found: PeriodMention[] = [];
    for (let i = 0; i < tokens.length; ) {
      // Within the tokens: the loop stops at their end.
      const text = (tokens[i] as Token).text;
      const opens = words.openers.has(text) || isDigit(text.charCodeAt(0));
      const hit = opens ? readPeriodAt(reading, i) : undefined;
      if (!hit) {
        i++;
        continue;
      }
      found.push(mentionOf(hit, tokens, i));
      i = hit.next;
    }
    return found;
  };
}

/** A reading from token `first` on, as the characters it covers. */
function mentionOf(hit: Found, tokens: readonly Token[], first: number): PeriodMention {
  const start = tokens[first]?.start ?? 0;
  const end = tokens[hit.next - 1]?.end ?? start;
  if (hit.kind === "now") return { kind: "now", start, end };
  return {
    kind: "period",
    period: hit.period,
    relative: hit.relative,
    start,
    end,
    ...(hit.yearGuessed ? { yearGuessed: true } : {}),
  };
}
