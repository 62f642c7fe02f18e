import { z } from "zod";
import { phrase } from "./phrase";

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
  /** A count that is a total less a part of it: UMKM not yet digital are all UMKM less those that are. */
  remainderOf: z.object({ total: metricId, part: metricId }).optional(),
});

export const metricsFileSchema = z.object({ metrics: z.array(metricSchema).min(1) });

const ruleUnit = z.enum(["persen", "count", "uang"]);
// Cues are looked up word by word in folded text (cues.ts): only folded words can be found.
const cueGroups = z.array(z.array(phrase).min(1)).min(1);

export const extractionFileSchema = z.object({
  /**
   * Tried in order for each number; the first whose every cue group has a hit names what it
   * counts: a curated metric, or (with `measure` instead) an open measure in words.
   */
  rules: z.array(
    z.union([
      z.object({ metric: metricId, unit: ruleUnit, cues: cueGroups }),
      z.object({ measure: z.string().min(1), unit: ruleUnit, cues: cueGroups }),
    ]),
  ),
  /** Spelled-out numbers: "tiga persen", "lima debitur", "delapan ribuan". */
  /** "tiga perempat", "sepertiga": a share written as a fraction, read as a percentage. */
  fractionWords: z.object({
    denominators: z.record(z.string().regex(/^[a-z]+$/), z.number().int().min(2)),
    whole: z.record(z.string().regex(/^[a-z]+$/), z.number().positive().max(100)),
  }),
  numberWords: z.record(z.string().regex(/^[a-z]+$/), z.number().positive()),
  /** Nouns that make a bare number a count ("120 UMKM", "lima debitur"); others are incidental. */
  countNouns: z.array(z.string().min(1)),
  /** Nouns after a number that make it no statistic at all ("15 kelurahan", "7 kontainer"). */
  incidentalNouns: z.array(z.string().min(1)),
  /** Words that make a count of UMKM a part of them ("di antaranya", a sector, a programme's reach): an open measure. */
  subsetCues: z.array(z.string().min(1)),
  /**
   * Words that make a figure one part of its measure ("sektor pertanian", "skema KUR kecil"):
   * an open measure named with the part, never the whole.
   */
  partCues: z.array(z.string().min(1)),
  /** Nouns right after a count that make it a count of businesses ("72.480 unit", "462.518 UMKM"). */
  businessNouns: z.array(z.string().min(1)),
  /** Nouns that, after an ordinal ("keempat perusahaan tersebut"), make a figure those few's only. */
  fewCues: z.array(z.string().min(1)),
  /** Words right before a part cue that make it all but the part ("tanpa sektor pertambangan", "di luar sektor migas"). */
  partExclusions: z.array(z.string().min(1)),
  /** Words right after a part cue that name the whole again: "sektor UMKM", "sektor ini", "sektor mikro". */
  wholeAfterPartCues: z.array(z.string().min(1)),
  /** Words that make a number an increase of what it counts ("500 ribu lagi", "penambahan ... sebanyak"). */
  increaseCues: z.array(z.string().min(1)),
  /** Words that make a share the rest of the one before ("sedangkan sisanya 54,8 persen"): its complement. */
  /** Phrases that date what follows them by the figures before ("pada periode yang sama"), wherever in the sentence. */
  sameTimeCues: z.array(phrase).min(1),
  /** Where national news is filed from ("JAKARTA –"): before any place is named, its figures are national. */
  /** "di ibu kota Provinsi Aceh tersebut": the province named after these is the setting of its capital, not the place. */
  capitalCues: z.array(phrase).min(1),
  /**
   * Words of change and the noun that names it: "naik 6,8 persen" is the "kenaikan" of what its
   * clause counts. Asked, any word of one direction finds the figures named by the others.
   */
  changes: z
    .array(z.object({ noun: phrase, words: z.array(phrase).min(1), down: z.boolean().optional() }))
    .min(1),
  /** Words that may stand between a word of change and its share ("naik sekitar 6,8 persen"). */
  changeFillers: z.array(phrase),
  nationalDatelines: z.array(phrase).min(1),
  remainderCues: z.array(phrase).min(1),
  /** Words left out of an open measure's words ("yang", "sebesar", "tahun"). */
  measureStopWords: z.array(z.string().min(1)),
  /** Words of a legal threshold or definition ("kekayaan bersih", "paling banyak"): no statistic. */
  thresholdCues: z.array(z.string().min(1)),
  /** Words before a year that make it a law's or a rule's year, not the figure's ("Nomor 20 tahun 2008"). */
  /**
   * Words before a period that make it a starting point or a comparison's base ("sejak Agustus
   * 2021 hingga Juni 2024", "dibanding periode yang sama tahun lalu"): not the figure's time.
   */
  /** Words that say a year names a time ("sepanjang 2022"), not an event ("Temu Usaha UMKM Kalteng 2023"). */
  timeCues: z.array(phrase),
  basePeriodCues: z.array(phrase),
  lawCues: z.array(z.string().min(1)),
  /** "usaha mikro, kecil, dan menengah" would otherwise read as three metrics. */
  longForms: z.array(z.object({ pattern: z.string().min(1), replace: z.string() })),
  /** Words right after a bare number that make it a count of businesses ("4000 UMKM", "599 unit"). */
  countUnits: z.array(z.string().min(1)),
  targetCues: z.array(z.string().min(1)),
  /** "70 persen dari total ... 273.457": the count after such a cue is the total a share is of. */
  denominatorCues: z.array(z.string().min(1)),
  denominatorMetric: metricId,
  /** Counts of UMKM that a subset cue narrows to a part: all of them, and those gone digital. */
  subsetMetrics: z.array(metricId),
  /** Words that point back at the figure before ("angka tersebut", "jumlahnya"): its measure carries over. */
  anaphora: z.array(z.string().min(1)),
  /** Words that open a sentence going on about the one before ("Namun", "Dengan"): its time carries over. */
  continuationCues: z.array(z.string().min(1)),
  nationalCues: z.array(z.string().min(1)),
  /** "usaha mikro masih mendominasi yakni 1.387.215 unit": the words just before these name what the number counts. */
  appositionCues: z.array(z.string().min(1)),
  /** Words that bring in who said it ("kata Kepala Dinas ... Kaltim"): that place speaks for a quote that names none. */
  speakerCues: z.array(z.string().min(1)),
  /** Words that bring in a place only to compare ("lebih tinggi dari angka nasional"): it is no setting for what follows. */
  comparedCues: z.array(z.string().min(1)),
  /** Words that make the place after them a ranking's scope, not the figure's place ("terbesar di Jawa Tengah"). */
  rankingCues: z.array(z.string().min(1)),
  /** Places abroad ("Amerika Serikat"): a figure about them is no figure of any region the bot knows. */
  foreignPlaces: z.array(z.string().min(1)),
  /** "di provinsi ini": the place of that level named last, not the last place named. */
  placeAnaphora: z.record(z.string().min(1), z.enum(["provinsi", "kabupaten", "kota"])),
  /** "Menurut data tersebut": the data named before, with its year, dates the undated figures after it. */
  dataAnaphora: z.array(z.string().min(1)),
  ignoredRegionAliases: z.record(z.string(), z.string()),
});

export type Metric = z.infer<typeof metricSchema>;
export type ExtractionFile = z.infer<typeof extractionFileSchema>;
