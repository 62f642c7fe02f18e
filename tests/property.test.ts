import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answer } from "../src/answer/answer";
import { seedKnowledge, TODAY } from "./helpers/knowledge";

describe("any text at all", () => {
  const k = seedKnowledge();

  it("gets an answer and never throws", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 10_000 }), (text) => {
        const a = answer(k, text, { today: TODAY });
        expect(a.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("survives Indonesian-looking noise built from the bot's own words", () => {
    const words = [
      "berapa",
      "umkm",
      "jabar",
      "jawa",
      "2023",
      "persen",
      "target",
      "go",
      "digital",
      "sumber",
      "lampng",
      "bandingkan",
      "tren",
      "?",
      "!!!",
      "yg",
      "udh",
      "kalau",
      "27",
      "juta",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (parts) => {
        const a = answer(k, parts.join(" "), { today: TODAY });
        expect(a.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
