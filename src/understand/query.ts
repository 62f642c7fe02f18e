import type { Period } from "../format/period";
import type { IntentId } from "../lexicon/language-schema";

/** What a question asks, once understood. Empty lists mean the question did not say. */
export type Query = {
  intent: IntentId;
  regions: string[];
  metrics: string[];
  /** Periods asked, in the order said; two or more compare them. */
  periods: Period[];
  latest: boolean;
  target: boolean;
  percent: boolean;
  /** Cities and regencies named, with the province whose figures stand for them. */
  cities: { name: string; province: string }[];
  /** Words read with typo tolerance, and the place they were read as. */
  guessed: { words: string; region: string }[];
  /** A word that names several provinces ("jawa"), with them. */
  ambiguous?: { words: string; candidates: string[] };
  /** A measure no article gives ("ekspor"), when the question names no metric the bot has. */
  unsupported?: string;
  /** Numbers the question quotes ("dari mana angka 27 juta"), in base units. */
  numbers: number[];
  /** Words about UMKM in general ("umkm", "usaha"): a new question, not a follow-up. */
  topic: boolean;
};
