import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DataFileError } from "../files/data-file-error";
import { readJsonFile } from "../files/json-file";
import { parseAmount } from "./amount";

/** One statistic a person read from a corpus article (gold.json). */
export const goldStatisticSchema = z.object({
  /** The article's file name without .txt. */
  article: z.string().min(1),
  /** In base units; a range's lower bound. */
  value: z.number().finite(),
  value_max: z.number().finite().nullish(),
  as_written: z.string().min(1),
  /** What is counted, in a few Indonesian words. */
  measure: z.string().min(1),
  /** A curated metric id, or null when what is counted is outside the metric list. */
  metric: z.string().min(1).nullable(),
  /** "nasional", a province's official name, or "Kabupaten X" / "Kota X". */
  region: z.string().min(1),
  province: z.string().min(1).nullable(),
  /** YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Sn: only its year is compared. */
  period: z.string().regex(/^\d{4}/, "period starts with a year"),
  kind: z.enum(["realisasi", "target"]),
  quote: z.string().min(1),
});

const questionFields = {
  q: z.string().min(1),
  /** The number written the Indonesian way ("366.473", "Rp952,1 miliar", "60-70 persen"). */
  expect: z
    .string()
    .refine((e) => parseAmount(e) !== undefined, "no number in it")
    .nullable(),
  outlet: z
    .string()
    .min(1)
    .nullish()
    .transform((outlet) => outlet ?? null),
  nodata: z.boolean(),
  note: z.string().optional(),
};

/** One question with the number its answer should lead with, or that it has no data. */
export const corpusQuestionSchema = z
  .object(questionFields)
  .refine((q) => (q.expect === null) === q.nodata, {
    message: "a question either expects a number or has no data, not both or neither",
  });

/** A short talk (conversations.json): each turn a follow-up of the ones before it. */
export const conversationSchema = z.object({
  /** A turn that expects no number and no "no data" ("sumbernya?") only carries the talk on. */
  turns: z
    .array(
      z.object(questionFields).refine((t) => !(t.expect !== null && t.nodata), {
        message: "a turn expects a number or has no data, not both",
      }),
    )
    .min(1),
  note: z.string().optional(),
});

export type GoldStatistic = z.infer<typeof goldStatisticSchema>;
export type CorpusQuestion = z.infer<typeof corpusQuestionSchema>;
export type Conversation = z.infer<typeof conversationSchema>;

/**
 * Reads a corpus folder's gold.json, questions.json and, when there is one, conversations.json;
 * errors name the file and field.
 */
export function readCorpus(folder: string): {
  gold: GoldStatistic[];
  questions: CorpusQuestion[];
  conversations: Conversation[];
} {
  const talks = join(folder, "conversations.json");
  return {
    conversations: existsSync(talks)
      ? readJsonFile(talks, "conversations.json", z.array(conversationSchema))
      : [],
    gold: readJsonFile(join(folder, "gold.json"), "gold.json", z.array(goldStatisticSchema)),
    questions: readJsonFile(
      join(folder, "questions.json"),
      "questions.json",
      z.array(corpusQuestionSchema),
    ),
  };
}

/** A gold statistic of an article the folder lacks is a typo in gold.json, not a miss. */
export function checkGoldArticles(gold: readonly GoldStatistic[], articles: ReadonlySet<string>) {
  const i = gold.findIndex((g) => !articles.has(g.article));
  if (i >= 0)
    throw new DataFileError("gold.json", `[${i}].article`, `no articles/${gold[i]?.article}.txt`);
}
