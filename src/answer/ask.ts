import type { Period } from "../format/period";

/** One figure asked for: the measure, the place, the time, and how the question wants it. */
export type Ask = {
  metric: string;
  region: string;
  period?: Period;
  target: boolean;
  /** "berapa persen": a count with no share metric is not answered as a share. */
  percent?: boolean;
  /** The figure reached is asked with the target ("terserap brp, targetnya brp"): it leads. */
  realised?: boolean;
  /** "rata-rata omzet": the articles give totals, which are no average. */
  average?: boolean;
  /** The unit an amount is wanted in ("rupiah", "US$"): figures in it lead. */
  currency?: string;
  /** Words the question adds to the measure ("mikro" in "debitur KUR mikro"), and their phrases. */
  qualifiers?: readonly string[];
  phrases?: readonly string[];
};
