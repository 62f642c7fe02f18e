import { foldWords } from "../text/fold";

/** The metrics gold.json names; any other measure it writes in words, with metric null. */
export const GOLD_METRICS: ReadonlySet<string> = new Set([
  "umkm_total",
  "umkm_go_digital",
  "umkm_digital_share",
  "umkm_belum_digital_share",
  "usaha_mikro",
  "usaha_kecil",
  "usaha_menengah",
  "pertumbuhan_ekonomi",
]);

/**
 * Words that say nothing about what a number counts, so two measures sharing only these are
 * not the same measure. Kept in this one place; each group says why its words are generic.
 */
const GENERIC_WORDS: ReadonlySet<string> = new Set([
  // Who is counted in nearly every measure of the corpus: the subject, not the measure.
  ...["umkm", "ukm", "usaha", "pelaku", "sektor"],
  // Name a programme, not what is counted: "penyaluran KUR" and "debitur KUR" differ.
  ...["kur", "umi"],
  // Units and amounts: the value and its unit already say these.
  ...["persen", "rupiah", "us", "orang", "unit", "jumlah", "total", "nilai", "data"],
  // Whether it is a goal or a result: compared as the fact's kind, not as its measure.
  ...["target", "realisasi"],
  // Function words, Indonesian (with chat spellings) and English.
  ...["yang", "yg", "dan", "di", "ke", "dari", "terhadap", "pada", "untuk", "dengan"],
  ...["atau", "per", "oleh", "dalam", "the", "of", "and", "in"],
]);

/** A measure's content words: folded, split on anything not a letter, generic words dropped. */
export function contentWords(text: string): Set<string> {
  return new Set(
    foldWords(text)
      .split(/[^a-z]+/)
      .filter((w) => w && !GENERIC_WORDS.has(w)),
  );
}
