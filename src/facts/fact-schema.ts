import { z } from "zod";
import { periodSchema } from "../format/period";

export const factKindSchema = z.enum([
  "realisasi", // a figure reached, as reported
  "target", // a goal set for a period
  "awal", // a starting point a later figure is compared with ("dari mulai hanya 20 persen")
]);

/** Where a region sits: the country, a province, a regency or city, or a named group of places. */
export const regionLevelSchema = z.enum(["nasional", "provinsi", "kabupaten", "kota", "kelompok"]);

export const factSchema = z.object({
  /** Stable across builds: derived from what the fact says, not from its position. */
  id: z.string().min(1),
  /** The article's id: its file name without .txt. */
  article: z.string().min(1),
  /** A measure id from intents/metrics.json, or null when no curated measure fits. */
  metric: z.string().min(1).nullable(),
  /** What the number counts, in words: the metric's label, or the article's own words. */
  measure: z.string().min(1),
  /** "nasional", a province id, a kabupaten/kota id ("kabupaten_bogor") or a group id. */
  region: z.string().min(1),
  regionName: z.string().min(1),
  regionLevel: regionLevelSchema,
  /** The province the region lies in (itself for a province, "nasional" for the country); null for a group. */
  province: z.string().min(1).nullable(),
  period: periodSchema,
  /** True when the sentence gave no time and the article's date stands in for it. */
  periodAssumed: z.boolean(),
  kind: factKindSchema,
  /** In base units: "27 juta" is 27000000, "70 persen" is 70; a range's lower bound. */
  value: z.number().finite(),
  /** A range's upper bound: "30-40 persen" has value 30 and valueMax 40. */
  valueMax: z.number().finite().optional(),
  /** The qualifier as written: "sekitar", "hampir", "lebih dari", "-an". */
  approx: z.string().min(1).optional(),
  unit: z.string().min(1),
  /** The number as the article writes it ("64,2 juta"); it occurs in `quote`. */
  written: z.string().min(1),
  /** The sentence the fact came from, verbatim from the article. */
  quote: z.string().min(1),
  /** The number's own clause within the quote: the words that say what it is of ("KUR Mikro itu ..."). */
  said: z.string(),
  outlet: z.string().min(1),
  published: periodSchema,
  /**
   * False when the region or the measure was only inferred weakly: such a fact is kept
   * with its quote, but an answer never leads with it as if it were certain.
   */
  sure: z.boolean(),
});

export type Fact = z.infer<typeof factSchema>;
export type FactKind = z.infer<typeof factKindSchema>;
export type RegionLevel = z.infer<typeof regionLevelSchema>;

/** The key a fact's figures are grouped and asked by: its metric, or its own measure words. */
export function measureKey(f: Pick<Fact, "metric" | "measure">): string {
  return f.metric ?? `~${f.measure}`;
}
