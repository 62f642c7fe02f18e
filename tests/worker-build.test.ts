import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeSyntheticCorpus } from "../bench/synthetic";
import { readDataSettings } from "../src/config";
import type { Fact } from "../src/facts/fact-schema";
import { buildFacts } from "../src/knowledge/build";
import { indexFacts, indexing, tableOrder } from "../src/knowledge/fact-table";
import { loadKnowledge } from "../src/knowledge/knowledge";
import { packTable, unpacking } from "../src/knowledge/packed-table";
import { runAll, runInSteps } from "../src/knowledge/steps";
import { KnowledgeStore } from "../src/knowledge/store";
import { dataPaths } from "../src/paths";
import { editDistance, editDistanceWithin } from "../src/understand/edit-distance";
import { FuzzyIndex } from "../src/understand/fuzzy-index";
import { copyOfSeeds, FIXTURE_SEEDS, seedKnowledge } from "./helpers/knowledge";

const paths = { ...dataPaths(readDataSettings({})), seedsDir: FIXTURE_SEEDS };
/** An article's fields but its text, without reading the text. */
const withoutBody = (a: object) =>
  Object.fromEntries(
    Object.keys(a)
      .filter((k) => k !== "body")
      .map((k) => [k, (a as Record<string, unknown>)[k]]),
  );

/** Facts as JSON: the same fields in the same order, the same values. */
const asJson = (facts: readonly unknown[]) => JSON.stringify(facts);

/** Articles enough for the build to share its extraction with helper threads. */
function manyArticles(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), "umkm-many-"));
  writeSyntheticCorpus(FIXTURE_SEEDS, dir, count, seedKnowledge().lexicon);
  return dir;
}

describe("a table packed for the hand-over from the worker", () => {
  it("unpacks to the same facts, articles and skipped numbers, and indexes the same", () => {
    const built = buildFacts(FIXTURE_SEEDS, seedKnowledge().lexicon);
    const read: string[] = [];
    const { built: back, order } = runAll(
      unpacking(packTable(built), (a) => {
        read.push(a.id);
        return `text of ${a.id}`;
      }),
    );
    expect(asJson(back.facts)).toBe(asJson(built.facts));
    expect(back.skipped).toEqual(built.skipped);
    expect(back.articles.map(withoutBody)).toEqual(built.articles.map(withoutBody));
    // The text is read from disk when asked for, not kept.
    expect(read).toEqual([]);
    expect(Object.keys(back.articles[0] ?? {})).toEqual(Object.keys(built.articles[0] ?? {}));
    expect(back.articles[0]?.body).toBe(`text of ${built.articles[0]?.id}`);

    const here = indexFacts(built);
    const there = runAll(indexing(back, order));
    for (const f of built.facts) {
      const key = f.metric ?? `~${f.measure}`;
      expect(asJson(there.find(key, f.region))).toBe(asJson(here.find(key, f.region)));
    }
    expect(there.newestFirst().map((a) => a.id)).toEqual(here.newestFirst().map((a) => a.id));
    const values = built.facts.map((f) => f.value);
    expect(asJson(there.withValues(values))).toBe(asJson(here.withValues(values)));
    expect(asJson(here.withValues(values))).toBe(
      asJson(built.facts.filter((f) => values.includes(f.value))),
    );
  });

  it("orders as a stable sort would, whoever sorts", () => {
    const built = buildFacts(FIXTURE_SEEDS, seedKnowledge().lexicon);
    const order = tableOrder(built);
    expect(Array.from(order.facts).sort((a, b) => a - b)).toEqual(built.facts.map((_, i) => i));
    expect(order.newest.length).toBe(built.articles.length);
  });
});

describe("the store's builds in worker threads", () => {
  it("give the table loadKnowledge gives, for a few articles and for many (with helpers)", async () => {
    for (const seedsDir of [FIXTURE_SEEDS, manyArticles(240)]) {
      const p = { ...paths, seedsDir };
      const here = loadKnowledge(p);
      const store = new KnowledgeStore(p);
      expect(asJson(store.current.table.facts)).toBe(asJson(here.table.facts));
      expect(store.current.table.skipped).toEqual(here.table.skipped);
      const reload = await store.reload();
      expect(reload.ok && reload.summary).toBe("+0 fakta, -0, ~0");
      expect(asJson(store.current.table.facts)).toBe(asJson(here.table.facts));
    }
  });

  it("correct each part's articles, and file added facts after all, as loadKnowledge does", () => {
    const dir = manyArticles(240);
    const p = { ...paths, seedsDir: dir };
    const factsOf = (article: string) =>
      loadKnowledge(p).table.facts.filter((f) => f.article === article && f.metric);
    // One article early (this thread's part), one late (a helper's).
    const [e0, e1, e2] = factsOf("00010_synthetic") as [Fact, Fact, Fact];
    const [l0, l1] = factsOf("00230_synthetic") as [Fact, Fact];
    const reason = "a test of corrections in parts";
    const add = (f: Fact, metric: string) => {
      const { article, region, period, kind, value, unit, written } = f;
      const fact = { article, metric, region, period, kind, value, unit, written };
      return { action: "add", fact, reason, quote: f.quote };
    };
    const match = (f: Fact) => ({ article: f.article, value: f.value, metric: f.metric });
    const corrections = [
      add(l0, "umkm_program_digital"),
      { action: "fix", match: match(e0), set: { kind: "target" }, reason, quote: e0.quote },
      // States what the article states already: kept where the article states it.
      add(e1, e1.metric as string),
      { action: "drop", match: match(l1), reason, quote: l1.quote },
      add(e2, "umkm_program_digital"),
    ];
    const before = loadKnowledge(p).table.facts.length;
    writeFileSync(join(dir, "corrections.json"), JSON.stringify(corrections));
    const here = loadKnowledge(p).table.facts;
    expect(here.slice(-2).map((f) => f.article)).toEqual(["00230_synthetic", "00010_synthetic"]);
    // Two added after all, one dropped, one the article states already.
    expect(here.length).toBe(before + 1);
    expect(asJson(new KnowledgeStore(p).current.table.facts)).toBe(asJson(here));
  });

  it("report the first bad file as loadKnowledge does, in any thread's part", async () => {
    const dir = manyArticles(240);
    // One in this thread's part, one in a helper's: the first in file order is named.
    writeFileSync(join(dir, "articles", "00003_synthetic.txt"), "---\noutlet: X\n---\nIsi.\n");
    writeFileSync(join(dir, "articles", "00200_synthetic.txt"), "no front matter\n");
    const p = { ...paths, seedsDir: dir };
    const expected = (() => {
      try {
        loadKnowledge(p);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(expected).toMatch(/00003_synthetic\.txt/);
    expect(() => new KnowledgeStore(p)).toThrow(expected);
    const seeds = copyOfSeeds();
    const store = new KnowledgeStore({ ...paths, seedsDir: seeds });
    const before = store.current;
    writeFileSync(join(seeds, "articles", "010.txt"), "---\noutlet: X\n---\nIsi.\n");
    const failed = await store.reload();
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error).toContain("articles/010.txt");
    expect(store.current).toBe(before);
  });
});

describe("work in steps", () => {
  it("gives the same result run at once or a slice at a time", async () => {
    const built = buildFacts(FIXTURE_SEEDS, seedKnowledge().lexicon);
    const packed = packTable(built);
    const atOnce = runAll(unpacking(packed, () => ""));
    const inSteps = await runInSteps(
      unpacking(packTable(built), () => ""),
      0,
    );
    expect(asJson(inSteps.built.facts)).toBe(asJson(atOnce.built.facts));
  });
});

describe("typo distances", () => {
  it("within a bound, equal the full distance or say it is past the bound", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", "c", " "), maxLength: 12 }),
        fc.string({ unit: fc.constantFrom("a", "b", "c", " "), maxLength: 12 }),
        fc.integer({ min: 0, max: 5 }),
        (a, b, max) => {
          expect(editDistanceWithin(a, b, max)).toBe(Math.min(editDistance(a, b), max + 1));
        },
      ),
      { numRuns: 3000 },
    );
    expect(editDistance("lampnug", "lampung")).toBe(1);
    expect(editDistance("bandug", "bandung")).toBe(1);
  });

  it("are found by the index exactly as by measuring every key", () => {
    const keys = ["lampung", "lampang", "bandung", "banten", "bantul", "bali", "kab bogor"];
    const index = new FuzzyIndex(keys, (k) => k);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ maxLength: 3 }), (key, noise) => {
        const text = `${key.slice(0, 4)}${noise}${key.slice(4)}`;
        const max = 2;
        const expected = keys
          .filter((k) => k[0] === text[0] && Math.abs(k.length - text.length) <= max)
          .filter((k) => editDistance(text, k) <= max)
          .sort((a, b) => a.length - b.length || editDistance(text, a) - editDistance(text, b));
        expect(index.within(text, max).map((n) => n.item)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
