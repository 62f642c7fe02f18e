import { z } from "zod";

const phrase = z
  .string()
  .regex(/^[a-z0-9]+( [a-z0-9]+)*$/, "lowercase words separated by single spaces");
const metricId = z.string().regex(/^[a-z][a-z_]*$/, "metric id must be snake_case");

export const metricSchema = z.object({
  id: metricId,
  /** How an answer names it: "jumlah UMKM", "UMKM go digital". */
  label: z.string().min(1),
  unit: z.string().min(1),
  /** What people type for it; the longest phrase found in a question wins. */
  synonyms: z.array(phrase).min(1),
  /** The percentage metric that answers "berapa persen ..." about this count. */
  shareMetric: metricId.optional(),
  /** The metric that answers "berapa tambahan ..." about this count. */
  increaseMetric: metricId.optional(),
  /** A percentage whose complement (100 minus it) is that other metric. */
  complement: metricId.optional(),
  /** Broader metrics this one narrows: "jumlah UMKM go digital" asks for go digital, not the total. */
  narrows: z.array(metricId).optional(),
  /** A percentage that is count / total * 100, so either can be computed from the others. */
  partOf: z.object({ count: metricId, total: metricId }).optional(),
});

export const metricsFileSchema = z.object({ metrics: z.array(metricSchema).min(1) });

export const extractionFileSchema = z.object({
  /** Tried in order for each number; the first whose every cue group has a hit names the metric. */
  rules: z.array(
    z.object({
      metric: metricId,
      unit: z.enum(["persen", "count"]),
      cues: z.array(z.array(z.string().min(1)).min(1)).min(1),
    }),
  ),
  /** "usaha mikro, kecil, dan menengah" would otherwise read as three metrics. */
  longForms: z.array(z.object({ pattern: z.string().min(1), replace: z.string() })),
  /** Words right after a bare number that make it a count of businesses ("4000 UMKM", "599 unit"). */
  countUnits: z.array(z.string().min(1)),
  targetCues: z.array(z.string().min(1)),
  /** "70 persen dari total ... 273.457": the count after such a cue is the total a share is of. */
  denominatorCues: z.array(z.string().min(1)),
  denominatorMetric: metricId,
  anaphora: z.array(z.string().min(1)),
  nationalCues: z.array(z.string().min(1)),
  ignoredRegionAliases: z.record(z.string(), z.string()),
});

export type Metric = z.infer<typeof metricSchema>;
export type ExtractionFile = z.infer<typeof extractionFileSchema>;
