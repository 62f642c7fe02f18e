import type { Answer } from "../answer/answer-type";
import { type Amount, leadNumber, parseAmount, sameAmount } from "./amount";
import type { CorpusQuestion } from "./corpus-schema";

/**
 * The corpus questions say "tahun ini" and "tahun lalu" as of when they were written; asked
 * on another day they would mean other years, so they are always asked on this one.
 */
export const EVAL_TODAY = new Date("2026-11-24T12:00:00Z");

export type Grade = {
  right: boolean;
  /** The answer leads with a number that is not the expected one (any number, when there is no data). */
  wrongLead: boolean;
  lead?: Amount;
};

/**
 * Right when the answer leads with the expected number and cites the expected outlet, or,
 * for a figure nobody has, says there is no data without leading with a number.
 */
export function gradeAnswer(q: CorpusQuestion, a: Pick<Answer, "text" | "outcome">): Grade {
  const lead = leadNumber(a.text);
  const withLead = lead ? { lead } : {};
  if (q.expect === null) {
    return { right: a.outcome === "no_data" && !lead, wrongLead: Boolean(lead), ...withLead };
  }
  const expected = parseAmount(q.expect);
  const leadsRight = Boolean(lead && expected && sameAmount(lead, expected));
  const cites = q.outlet === null || a.text.toLowerCase().includes(q.outlet.toLowerCase());
  return { right: leadsRight && cites, wrongLead: Boolean(lead) && !leadsRight, ...withLead };
}
