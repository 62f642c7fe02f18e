import { z } from "zod";
import { phrase } from "./phrase";

const phrases = z.array(phrase);
const unit = z.enum(["year", "month"]);

/** The words of time, in Indonesian and English: read in questions and in articles alike. */
export const timeFileSchema = z.object({
  /** Full names may stand alone ("per juni"); short ones only with a year ("des 22"). */
  months: z
    .array(
      z.object({ month: z.number().int().min(1).max(12), names: phrases.min(1), short: phrases }),
    )
    .length(12)
    .refine(
      (ms) => ms.every((m, i) => m.month === i + 1),
      "months must be listed January first, in order",
    ),
  /** Words that ask for the latest figure rather than a period ("saat ini", "terbaru"). */
  now: phrases.min(1),
  /** Words for a year and a month, as in "tahun lalu", "2 bulan lalu", "last year". */
  units: z.object({ year: phrases.min(1), month: phrases.min(1) }),
  /** One word for "one year" or "one month": "setahun lalu". */
  oneUnit: z.record(phrase, unit),
  /** Steps from now said after the unit ("tahun lalu": -1) or before it ("next year": +1). */
  relative: z.object({
    after: z.record(phrase, z.number().int()),
    before: z.record(phrase, z.number().int()),
  }),
  /** What follows "N tahun" to count back from now: "lalu", "silam", "ago". */
  ago: phrases.min(1),
  /** What follows "N tahun" to count on from now: "2 tahun lagi". */
  later: phrases,
  /** Small numbers written as words: "dua tahun lalu". */
  numbers: z.record(phrase, z.number().int().min(1)),
  /** Words for a quarter and a half year, followed or preceded by an ordinal. */
  quarter: phrases.min(1),
  semester: phrases.min(1),
  ordinals: z.record(phrase, z.number().int().min(1).max(4)),
  /** "awal 2019" is that year; "akhir 2019" its December, the figure at year end. */
  edges: z.object({ start: phrases, end: phrases }),
  /** Words that may stand between a period and its year: "first half of 2021". */
  yearJoiners: phrases,
  /** Words after a two-digit number that make it a count, not a year: "juni 23 persen". */
  countWords: phrases,
  /** Words between two months that make them a range ("januari sampai september"); a dash folds to none. */
  rangeJoiners: phrases,
});

export type TimeFile = z.infer<typeof timeFileSchema>;
export type TimeUnit = z.infer<typeof unit>;
