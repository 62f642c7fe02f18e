import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Lexicon } from "../src/lexicon/load";

/**
 * Writes `count` articles made from the seed articles' sentences, with the region names
 * swapped for other provinces, the numbers for others of the same shape, and other dates:
 * a corpus of the size the bench needs, in the shapes the extractor really meets.
 */
export function writeSyntheticCorpus(
  seedsDir: string,
  outDir: string,
  count: number,
  lex: Lexicon,
): void {
  const templates = readdirSync(join(seedsDir, "articles"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(seedsDir, "articles", f), "utf8"));
  const provinces = lex.regions.provinces.filter((p) => p.id !== "dki_jakarta");
  mkdirSync(join(outDir, "articles"), { recursive: true });
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < count; i++) {
    const province = provinces[i % provinces.length] as (typeof provinces)[number];
    const year = 2019 + (i % 6);
    const month = String(1 + (i % 12)).padStart(2, "0");
    const text = (templates[i % templates.length] as string)
      .replace(/^published: .*$/m, `published: ${year}-${month}-15`)
      .replace(/^outlet: .*$/m, `outlet: Media ${i % 37}`)
      .replace(/Bandar ?[Ll]ampung|Bandarlampung/g, "Kota")
      .replace(/\bLampung\b|\bJabar\b|\bJawa Barat\b|\bBANDUNG\b/g, province.name)
      .replace(
        /\b(\d{1,3})\.(\d{3})\b/g,
        () =>
          `${1 + Math.floor(random() * 899)}.${String(Math.floor(random() * 1000)).padStart(3, "0")}`,
      )
      .replace(
        /\b(\d{1,2}),(\d{1,2}) (juta|persen)\b/g,
        (_m, _a, _b, unit) =>
          `${1 + Math.floor(random() * 60)},${Math.floor(random() * 10)} ${unit}`,
      );
    writeFileSync(join(outDir, "articles", `${String(i).padStart(5, "0")}_synthetic.txt`), text);
  }
}
