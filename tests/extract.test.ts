import { describe, expect, it } from "vitest";
import { makeQuantityReader } from "../src/extract/quantities";
import { makeRegionFinder } from "../src/extract/region-mentions";
import type { Fact } from "../src/facts/fact-schema";
import { checkQuote } from "../src/knowledge/build";
import { foldKeepingPositions } from "../src/text/fold";
import expected from "./fixtures/expected-facts.json";
import { seedKnowledge } from "./helpers/knowledge";

const key = (
  f: Pick<Fact, "article" | "metric" | "region" | "period" | "value"> & { kind: string },
) => [f.article, f.metric, f.region, f.period, f.kind, f.value].join(" | ");

describe("facts read from the five seed articles", () => {
  const { table } = seedKnowledge();

  it("finds every statistic a person reading them wrote down, and few others", () => {
    const extracted = new Set(table.facts.map(key));
    const wanted = new Set(expected.map(key));
    const found = [...wanted].filter((k) => extracted.has(k));
    const extra = [...extracted].filter((k) => !wanted.has(k));
    const recall = found.length / wanted.size;
    const precision = found.length / extracted.size;
    console.log(
      `extractor: recall ${(recall * 100).toFixed(1)}% (${found.length}/${wanted.size}), precision ${(precision * 100).toFixed(1)}% (${found.length}/${extracted.size})`,
    );
    expect(
      [...wanted].filter((k) => !extracted.has(k)),
      "missed",
    ).toEqual([]);
    expect(extra.length, `taken but not statistics: ${extra.join("; ")}`).toBeLessThanOrEqual(2);
  });

  it("gives every fact a quote from its article that contains its number as written", () => {
    for (const f of table.facts) {
      const article = table.article(f.article);
      expect(article, f.id).toBeDefined();
      const read = makeQuantityReader(seedKnowledge().lexicon.extraction);
      expect(() => checkQuote(f, article as NonNullable<typeof article>, read)).not.toThrow();
    }
  });

  it("keeps fact ids stable and unique", () => {
    const ids = table.facts.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seedKnowledge().table.facts.map((f) => f.id)).toEqual(ids);
  });

  it("cites outlet and date on every fact", () => {
    const outlets = new Set(table.facts.map((f) => `${f.outlet} ${f.published}`));
    expect(outlets).toEqual(
      new Set([
        "ANTARA 2023",
        "Lampost.co 2024-03-05",
        "Republika 2022-09-21",
        "ANTARA News Bali 2022",
        "Bisnis.com 2023-12-04",
      ]),
    );
  });
});

describe("place names in article text", () => {
  it("finds provinces however the words are spaced, and national cues", () => {
    const finder = makeRegionFinder(seedKnowledge().lexicon);
    const text =
      "UMKM di  Jawa   Barat, lalu Provinsi (Lampung) dan se-Indonesia; DI Yogyakarta, jawa";
    const found = finder
      .mentions(foldKeepingPositions(text), text)
      .map((m) => [text.slice(m.start, m.end), m.region]);
    expect(found).toEqual([
      ["Jawa   Barat", "jawa_barat"],
      ["Lampung", "lampung"],
      ["Indonesia", "nasional"],
      ["DI Yogyakarta", "di_yogyakarta"],
    ]);
  });
});

describe("numbers that are not statistics", () => {
  const read = makeQuantityReader(seedKnowledge().lexicon.extraction);
  const written = (text: string) => read(text).map((n) => n.written);

  it("skips dates, times, years and COVID-19", () => {
    expect(written("Rabu 21 Sep 2022 19:41 WIB")).toEqual([]);
    expect(written("ujar Kusmana di Gedung Sate, Rabu (21/9/2022).")).toEqual([]);
    expect(written("Senin (4/12/2023) di Jakarta, Selasa, 5 Maret 2024")).toEqual([]);
    expect(written("selama pandemi COVID-19 dan Covid 19 pada 2021 lalu")).toEqual([]);
    expect(written("date 2023-12 Kemenko mencatat")).toEqual([]);
  });

  it("takes counts, shares and scaled numbers", () => {
    expect(
      written("sebanyak 273.457 orang, 64,2 juta, 5,4 persen, 4000 UMKM dan 599 unit"),
    ).toEqual(["273.457", "64,2 juta", "5,4 persen", "4000", "599"]);
  });
});
