import { describe, expect, it } from "vitest";
import { answer } from "../src/answer/answer";
import type { Outcome } from "../src/answer/answer-type";
import questions from "./fixtures/questions.json";
import { seedKnowledge } from "./helpers/knowledge";

/**
 * Questions as cooperative officers type them in Telegram, each with the substrings its
 * answer must and must not contain. `mustNot` lists the numbers that would be wrong there
 * (another region's, year's or metric's): a wrong number is the worst bug the bot can have.
 */
type Question = {
  q: string;
  must: string[];
  mustNot: string[];
  outcome?: Outcome;
  why?: string;
};

const set: Question[] = questions as Question[];
const MIN_QUESTIONS = 150;
const MIN_SHARE = 0.95;
/** "tahun lalu" in the set means 2025, "tahun ini" 2026. */
const TODAY = new Date("2026-11-22T09:00:00Z");

/** What is wrong with the answer to one question; empty when it is right. */
function problems(question: Question, text: string, outcome: Outcome): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const s of question.must) if (!lower.includes(s.toLowerCase())) found.push(`missing "${s}"`);
  for (const s of question.mustNot)
    if (lower.includes(s.toLowerCase())) found.push(`must not say "${s}"`);
  if (question.outcome && question.outcome !== outcome) {
    found.push(`outcome ${outcome}, expected ${question.outcome}`);
  }
  return found;
}

describe("questions as officers type them", () => {
  it(`has at least ${MIN_QUESTIONS} questions, each well formed`, () => {
    expect(set.length).toBeGreaterThanOrEqual(MIN_QUESTIONS);
    for (const question of set) {
      expect(typeof question.q).toBe("string");
      expect(Array.isArray(question.must) && Array.isArray(question.mustNot)).toBe(true);
    }
  });

  it(`answers at least ${MIN_SHARE * 100}% of them right`, () => {
    const k = seedKnowledge();
    const failures: string[] = [];
    for (const question of set) {
      const a = answer(k, question.q, { today: TODAY });
      const wrong = problems(question, a.text, a.outcome);
      if (wrong.length) {
        failures.push(
          `✗ ${JSON.stringify(question.q)} [${a.intent}/${a.outcome}]: ${wrong.join("; ")}\n  ${a.text.replaceAll("\n", "\n  ")}`,
        );
      }
    }
    const right = set.length - failures.length;
    const share = right / set.length;
    console.log(`questions: ${right}/${set.length} right (${(share * 100).toFixed(1)}%)`);
    if (failures.length) console.log(failures.join("\n"));
    expect(share).toBeGreaterThanOrEqual(MIN_SHARE);
  });
});
