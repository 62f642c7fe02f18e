import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildFacts } from "../src/knowledge/build";
import { copyOfSeeds, dataFileErrorOf, seedKnowledge } from "./helpers/knowledge";

const lexicon = () => seedKnowledge().lexicon;
const buildError = (dir: string) => dataFileErrorOf(() => buildFacts(dir, lexicon()));

describe("building the fact table from a seeds folder", () => {
  it("reads a new article added the same way, with no help", () => {
    const dir = copyOfSeeds();
    writeFileSync(
      join(dir, "articles", "005_bali.txt"),
      "---\noutlet: Kabar Bali\npublished: 2024-05-06\ntitle: UMKM Bali makin digital\n---\nDenpasar (Kabar Bali) - Dinas Koperasi dan UKM Provinsi Bali mencatat jumlah UMKM di Bali mencapai 412.345 unit per April 2024. Dari jumlah itu, sekitar 62 persen sudah go digital.\n",
    );
    const facts = buildFacts(dir, lexicon()).facts.filter((f) => f.article === "005_bali");
    expect(facts.map((f) => [f.metric, f.region, f.period, f.value])).toEqual([
      ["umkm_total", "bali", "2024-04", 412345],
      ["umkm_digital_share", "bali", "2024-04", 62],
    ]);
  });

  it("names the file of a bad article", () => {
    const dir = copyOfSeeds();
    writeFileSync(
      join(dir, "articles", "009_rusak.txt"),
      "---\npublished: 2024\ntitle: Tanpa media\n---\nIsi berita.\n",
    );
    const e = buildError(dir);
    expect(e.message).toBe(
      "articles/009_rusak.txt: outlet: required: the news outlet, e.g. ANTARA",
    );
  });

  it("refuses a file that is not UTF-8 text", () => {
    const dir = copyOfSeeds();
    writeFileSync(
      join(dir, "articles", "010_latin1.txt"),
      Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]),
    );
    expect(buildError(dir).message).toMatch(/010_latin1\.txt: not UTF-8 text/);
  });

  it("refuses a correction whose quote is not in the article", () => {
    const dir = copyOfSeeds();
    const corrections = [
      {
        action: "drop",
        match: { article: "004_ace72b6c210ee1f9", value: 5000000 },
        reason: "a test that must fail",
        quote: "kalimat yang tidak ada",
      },
    ];
    writeFileSync(join(dir, "corrections.json"), JSON.stringify(corrections));
    const e = buildError(dir);
    expect([e.file, e.field]).toEqual(["corrections.json", "[0].quote"]);
  });

  it("refuses a correction that no longer matches a fact", () => {
    const dir = copyOfSeeds();
    const corrections = [
      {
        action: "drop",
        match: { article: "004_ace72b6c210ee1f9", value: 123 },
        reason: "a test that must fail",
        quote: "Per Maret 2023, sebanyak 22 juta UMKM yang telah go digital.",
      },
    ];
    writeFileSync(join(dir, "corrections.json"), JSON.stringify(corrections));
    expect(buildError(dir).field).toBe("[0].match");
  });

  it("points at the line of a corrections file that is not JSON", () => {
    const dir = copyOfSeeds();
    writeFileSync(join(dir, "corrections.json"), '[\n  { "action": "drop",\n  oops\n]');
    const e = buildError(dir);
    expect(e.file).toBe("corrections.json");
    expect(e.line).toBe(3);
  });
});
