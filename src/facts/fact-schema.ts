import { z } from "zod";
import { periodSchema } from "../format/period";

export const factKindSchema = z.enum([
  "realisasi", // a figure reached, as reported
  "target", // a goal set for a period
  "awal", // a starting point a later figure is compared with ("dari mulai hanya 20 persen")
]);

export const factSchema = z.object({
  /** Stable across builds: derived from what the fact says, not from its position. */
  id: z.string().min(1),
  /** The article's id: its file name without .txt. */
  article: z.string().min(1),
  metric: z.string().min(1),
  /** A province id from intents/regions.json, or "nasional". */
  region: z.string().min(1),
  period: periodSchema,
  kind: factKindSchema,
  /** In base units: "27 juta" is 27000000, "70 persen" is 70. */
  value: z.number().finite(),
  unit: z.string().min(1),
  /** The number as the article writes it ("64,2 juta"); it occurs in `quote`. */
  written: z.string().min(1),
  /** The sentence the fact came from, verbatim from the article. */
  quote: z.string().min(1),
  outlet: z.string().min(1),
  published: periodSchema,
});

export type Fact = z.infer<typeof factSchema>;
export type FactKind = z.infer<typeof factKindSchema>;
