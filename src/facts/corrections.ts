import { z } from "zod";
import { periodSchema } from "../format/period";
import { factKindSchema } from "./fact-schema";

/**
 * Which extracted fact a correction is about: its article and value, and its metric, region
 * or period where those are needed to tell it from the article's other figures.
 */
const matchSchema = z.object({
  article: z.string().min(1),
  value: z.number(),
  metric: z.string().optional(),
  region: z.string().optional(),
  period: periodSchema.optional(),
});

const reason = z.string().min(10, "say why the extractor gets this wrong");
const quote = z.string().min(1, "the sentence from the article that shows the right reading");

export const correctionSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("fix"),
    match: matchSchema,
    set: z
      .object({
        metric: z.string(),
        region: z.string(),
        period: periodSchema,
        kind: factKindSchema,
        unit: z.string(),
      })
      .partial(),
    reason,
    quote,
  }),
  z.object({
    action: z.literal("drop"),
    match: matchSchema,
    reason,
    quote,
    /** The keyed hash of the admin who dropped it from the chat, where one did. */
    by: z.string().optional(),
  }),
  z.object({
    action: z.literal("add"),
    fact: z.object({
      article: z.string().min(1),
      metric: z.string().min(1),
      region: z.string().min(1),
      period: periodSchema,
      kind: factKindSchema,
      value: z.number(),
      unit: z.string().min(1),
      written: z.string().min(1),
    }),
    reason,
    quote,
  }),
]);

export const correctionsFileSchema = z.array(correctionSchema);
export type Correction = z.infer<typeof correctionSchema>;
