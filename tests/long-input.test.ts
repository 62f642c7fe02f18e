import { describe, expect, it } from "vitest";
import { CHATTER } from "../bench/adversarial";
import { answer } from "../src/answer/answer";
import { MAX_QUESTION_LENGTH } from "../src/understand/normalize";
import { seedKnowledge, TODAY } from "./helpers/knowledge";

/** Chatter of about `length` characters, then the question. */
function afterChatter(question: string, length: number): string {
  let text = "";
  for (let i = 0; text.length + question.length + 1 < length; i++)
    text += `${CHATTER[i % CHATTER.length]} `;
  return `${text.slice(0, length - question.length - 1)} ${question}`;
}

describe("a long message", () => {
  const k = seedKnowledge();
  const questions = [
    "berapa UMKM go digital 2023?",
    "brp persen umkm lampung yg udh digital",
    "jabar umkm ada brp",
    "target umkm go digital 2024",
    "bandingkan jumlah umkm jabar dan lampung",
    "umkm lampng berapa",
  ];

  it("with the question at the end of 4,096 characters is answered as the question alone", () => {
    for (const q of questions) {
      const long = afterChatter(q, MAX_QUESTION_LENGTH);
      expect(long.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
      expect(answer(k, long, { today: TODAY }).text, q).toBe(answer(k, q, { today: TODAY }).text);
    }
  });

  it("longer than Telegram allows is read from its end", () => {
    const q = questions[0] as string;
    const long = afterChatter(q, 3 * MAX_QUESTION_LENGTH);
    expect(answer(k, long, { today: TODAY }).text).toBe(answer(k, q, { today: TODAY }).text);
  });
});
