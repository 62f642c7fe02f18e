import { z } from "zod";
import { phrase } from "./phrase";

const word = z.string().regex(/^[a-z0-9]+$/, "one lowercase word");

/** Informal spellings and their standard words: "brp" → "berapa", "udh" → "sudah". */
export const slangFileSchema = z.object({
  words: z.record(word, z.string().regex(/^[a-z0-9 ]*$/)),
  /** A suffix split off a word the bot knows: "umkmnya" is read "umkm nya". */
  suffix: word,
  /** Particles that carry no meaning for a statistic ("sih", "dong"). */
  fillers: z.array(word),
  /** Multi-word spellings read as one word: "usaha mikro kecil dan menengah" is "umkm". */
  phrases: z.record(phrase, word),
});

export const intentIdSchema = z.enum([
  "statistic",
  "comparison",
  "trend",
  "source",
  "help",
  "greeting",
  "thanks",
  "out_of_scope",
]);

export const intentsFileSchema = z.object({
  /** Keyword phrases per intent; a question may match several, the order below settles it. */
  keywords: z.record(intentIdSchema, z.array(phrase)),
  /** Words that mark a target or a percentage in a question. */
  target: z.array(phrase),
  percent: z.array(phrase),
  /** Words that ask for a share and say which ("porsi kredit"): a share is asked, and they stay words of the measure. */
  shareNouns: z.array(phrase),
  /** Measures people ask about that no article gives ("ekspor", "omzet"): said so, never a total instead. */
  unsupported: z.array(phrase),
  /** Words that ask for a figure ("berapa", "jumlah"): beside an off-topic word they keep a question a statistic one. */
  figureWords: z.array(phrase),
  /** "berapa persen dari target": the share of a target reached, not a share measure. */
  ofTarget: z.array(phrase),
  /** Words that join two measures into two asked ("jumlah umkm dan umkm go digital"), not one narrowed. */
  joiners: z.array(word).min(1),
  /** "ekspor umkm bali dlm rupiah": the currency an amount is wanted in, by the unit facts carry ("rupiah", "US$"). */
  currencies: z.record(z.string().min(1), z.array(phrase).min(1)),
  /** Words that ask for an average ("rata-rata omzet"): a total is no answer to them. */
  averageWords: z.array(phrase),
  /** Words that ask for a count ("jumlah"): a share named with them asks for the count it is a share of. */
  countWords: z.array(phrase),
  /** Words of asking itself ("berapa", "ada", "dong"): what is left once these go says what is counted. */
  questionWords: z.array(word),
  /** Words that ask for the figure reached even when a target is also asked ("terserap", "realisasi"). */
  realised: z.array(phrase),
  /** "yg blm?" after a share gone digital: the part not yet there, its complement. */
  notYet: z.array(phrase),
  /** "udh sesuai target?", "tercapai?": what was reached, measured against the target. */
  achieved: z.array(phrase),
  /** Words that, with no place, metric or intent found, still show the question is about UMKM. */
  topic: z.array(phrase),
  /** The metric a question means when it names none: plain, with "persen", with "target". */
  defaults: z.object({ metric: z.string(), percent: z.string(), target: z.string() }),
  examples: z.array(z.string().min(1)).min(2),
});

/**
 * How questions name news outlets ("menurut antara", "versi pos kupang"). Outlet names come
 * from the articles; a name whose first word is also an ordinary word ("antara", "pos") counts
 * only after one of the cues, so "antara jabar dan bali" stays a comparison of places.
 */
export const outletsFileSchema = z.object({
  cues: z.array(phrase).min(1),
  /** Parts of a name people leave out: "Tribun-Bali.com" is asked as "tribun bali". */
  dropWords: z.array(word),
});

export type OutletsFile = z.infer<typeof outletsFileSchema>;
export type SlangFile = z.infer<typeof slangFileSchema>;
export type IntentsFile = z.infer<typeof intentsFileSchema>;
export type IntentId = z.infer<typeof intentIdSchema>;
