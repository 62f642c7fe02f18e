import type { Period } from "../format/period";
import type { IntentId } from "../lexicon/language-schema";

/** What a question asks, once understood. Empty lists mean the question did not say. */
export type Query = {
  intent: IntentId;
  /** Places at their own level: "nasional", provinces, "kota_kupang", "kabupaten_sikka", groups. */
  regions: string[];
  metrics: string[];
  /** Periods asked, in the order said; two or more compare them. */
  periods: Period[];
  /**
   * How time words that needed today or a guess were read, for the answer's "Asumsi" line:
   * '"2 tahun lalu" dibaca 2024', '"juni" dibaca Juni 2026' (a month without a year is the
   * latest one up to today), '"akhir 2019" dibaca Desember 2019'.
   */
  periodNotes: string[];
  /** Months said without a year ("terus bulan juni?"), dated by today; a follow-up dates them by the talk. */
  yearGuessed: Period[];
  latest: boolean;
  /** News outlets named ("menurut antara"), as the articles write them: answer from their facts only. */
  outlets: string[];
  target: boolean;
  /** The figure reached is asked too ("terserap brp, targetnya brp"): it leads, the target follows. */
  realised: boolean;
  /**
   * Words no detector took ("kuliner", "mikro", "bps"): they name an open measure, or pick one
   * figure among several of the same measure whose own words say them.
   */
  rest: string[];
  /** Each of those words with a neighbour ("kur mikro"): a clause that says the phrase says it best. */
  restPhrases: string[];
  percent: boolean;
  /** "yg blm?": "belum" said of no measure of its own, so of the one asked before (its complement). */
  notYet: boolean;
  /** "jumlah umkm jabar yang belum digital": a count asked, though a share's words were used. */
  count: boolean;
  /** "rata-rata omzet umkm": an average asked, which no total answers. */
  average: boolean;
  /** "naik brp persen", "turun": how much a measure changed is asked, up or down. */
  change?: "up" | "down";
  /** "dlm rupiah", "brp dolar": the unit an amount is wanted in, when one was said. */
  currency?: string;
  /** Words read with typo tolerance, and the place they were read as. */
  guessed: { words: string; region: string }[];
  /** A word that names several places ("jawa": three provinces; "bogor": a regency and a city), with them. */
  ambiguous?: { words: string; candidates: string[] };
  /** A measure no article gives ("ekspor"), when the question names no metric the bot has. */
  unsupported?: string;
  /** Numbers the question quotes ("dari mana angka 27 juta"), in base units. */
  numbers: number[];
  /** Words about UMKM in general ("umkm", "usaha"). */
  topic: boolean;
  /** Says UMKM and asks for a figure ("jabar umkm ada brp"): a question of its own, not a follow-up. */
  whole: boolean;
};
