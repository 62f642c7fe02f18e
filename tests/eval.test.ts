import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { leadNumber, parseAmount, sameAmount } from "../src/eval/amount";
import type { CorpusQuestion, GoldStatistic } from "../src/eval/corpus-schema";
import { brokenThresholds, type EvalFigures, figureLines } from "../src/eval/figures";
import { gradeAnswer } from "../src/eval/grade-answer";
import { type EvalFact, matchFacts } from "../src/eval/match-facts";
import { projectRoot } from "../src/paths";
import { fixtureEnv } from "./helpers/knowledge";

describe("the number an answer leads with", () => {
  it("is the first number of the first line, read the Indonesian way", () => {
    expect(
      leadNumber("366.473 — jumlah UMKM di NTT, tahun 2024 (Pos-Kupang.com, Oktober 2025)"),
    ).toEqual({ value: 366_473 });
    expect(leadNumber("Rp952,1 miliar — omzet UMKM di Kota Contoh, tahun 2024")).toEqual({
      value: 952_100_000_000,
    });
    expect(leadNumber("US$3,2 miliar — nilai ekspor kerajinan, tahun 2022")).toEqual({
      value: 3.2e9,
    });
    expect(leadNumber("2,35 juta unit — jumlah UMKM")).toEqual({ value: 2_350_000 });
    expect(leadNumber("7,8 ribu — jumlah UMKM")).toEqual({ value: 7_800 });
    expect(leadNumber("5 — debitur di kabupaten itu")).toEqual({ value: 5 });
  });

  it("keeps both bounds of a range", () => {
    expect(leadNumber("15-25 persen — target UMKM daring akhir tahun")).toEqual({
      value: 15,
      valueMax: 25,
    });
  });

  it("is none when the answer says it has no figure", () => {
    expect(leadNumber("Belum ada data jumlah UMKM di Maluku untuk 2021. Yang ada: 2019.")).toBe(
      undefined,
    );
    expect(leadNumber("Tidak ada angka 12 untuk itu.")).toBe(undefined);
    expect(leadNumber("Maaf, saya hanya menjawab statistik UMKM.")).toBe(undefined);
  });

  it("skips years, days of dates and a source's date", () => {
    expect(leadNumber("Per 15 Agustus 2019 kredit tersalur Rp 42 triliun")).toEqual({
      value: 42e12,
    });
    expect(leadNumber("Pada 2021 tercatat 8.120 UMKM")).toEqual({ value: 8_120 });
    expect(leadNumber("Data terbaru (Warta Contoh, 4 Desember 2023): 12.000 unit")).toEqual({
      value: 12_000,
    });
    expect(leadNumber("Laporan 2019-2020: naik 7 persen")).toEqual({ value: 7 });
  });

  it("is read from the first line only", () => {
    expect(leadNumber("Jumlah UMKM per provinsi:\n4,6 juta — Jawa Barat")).toBe(undefined);
  });

  it("parses an expectation as written, years included", () => {
    expect(parseAmount("3.104.552")).toEqual({ value: 3_104_552 });
    expect(parseAmount("45-55 persen")).toEqual({ value: 45, valueMax: 55 });
    expect(parseAmount("Rp2,7 triliun")).toEqual({ value: 2.7e12 });
    expect(parseAmount("2020")).toEqual({ value: 2020 });
    expect(parseAmount("41 ribuan")).toEqual({ value: 41_000 });
  });

  it("compares ranges by both bounds, and a range never equals a single value", () => {
    expect(sameAmount({ value: 60, valueMax: 70 }, { value: 60, valueMax: 70 })).toBe(true);
    expect(sameAmount({ value: 60, valueMax: 70 }, { value: 60 })).toBe(false);
    expect(sameAmount({ value: 0.1 + 0.2 }, { value: 0.3 })).toBe(true);
  });
});

describe("grading an answer", () => {
  const asks = (expect: string | null, outlet: string | null = null): CorpusQuestion => ({
    q: "pertanyaan",
    expect,
    outlet,
    nodata: expect === null,
  });

  it("is right when it leads with the expected number and cites the outlet", () => {
    const a = {
      text: "12.000 unit — jumlah UMKM (Warta Contoh, 2024)",
      outcome: "answered",
    } as const;
    expect(gradeAnswer(asks("12.000", "warta contoh"), a)).toMatchObject({
      right: true,
      wrongLead: false,
    });
    expect(gradeAnswer(asks("12.000", "Kabar Lain"), a)).toMatchObject({
      right: false,
      wrongLead: false,
    });
    expect(gradeAnswer(asks("11.000"), a)).toMatchObject({ right: false, wrongLead: true });
  });

  it("wants no data said, and no number led with, when nobody has the figure", () => {
    const none = {
      text: "Belum ada data jumlah UMKM di Kota Contoh.",
      outcome: "no_data",
    } as const;
    expect(gradeAnswer(asks(null), none)).toEqual({ right: true, wrongLead: false });
    const other = { text: "21.500 — jumlah UMKM di provinsinya", outcome: "answered" } as const;
    expect(gradeAnswer(asks(null), other)).toMatchObject({ right: false, wrongLead: true });
    const refused = { text: "Maaf, di luar topik.", outcome: "out_of_scope" } as const;
    expect(gradeAnswer(asks(null), refused)).toEqual({ right: false, wrongLead: false });
  });
});

const gold = (over: Partial<GoldStatistic> = {}): GoldStatistic => ({
  article: "900_contoh",
  value: 1_200,
  as_written: "1.200",
  measure: "jumlah UMKM",
  metric: "umkm_total",
  region: "Kota Contoh",
  province: "Jawa Tengah",
  period: "2023-05",
  kind: "realisasi",
  quote: "Kota Contoh punya 1.200 UMKM.",
  ...over,
});

const fact = (over: Partial<EvalFact> = {}): EvalFact => ({
  article: "900_contoh",
  value: 1_200,
  quote: "Kota Contoh punya 1.200 UMKM.",
  kind: "realisasi",
  period: "2023",
  regionName: "Kota Contoh",
  metric: "umkm_total",
  measure: "jumlah UMKM",
  sure: true,
  ...over,
});

const corpus = new Set(["900_contoh"]);
const metricWords = (id: string) =>
  id === "umkm_total" ? ["jumlah UMKM", "total umkm"] : ["tambahan UMKM go digital", "penambahan"];
const match = (g: GoldStatistic[], f: EvalFact[]) => matchFacts(g, f, corpus, metricWords);

describe("matching facts with gold statistics", () => {
  it("finds a fact of the same article and value, and reads it right when every field agrees", () => {
    const m = match([gold()], [fact()]);
    expect(m.found).toHaveLength(1);
    expect(m.found[0]?.misread).toEqual([]);
    expect(match([gold()], [fact({ article: "901_lain" })]).missing).toHaveLength(1);
    expect(match([gold()], [fact({ value: 1_300 })]).missing).toHaveLength(1);
  });

  it("folds case and accents of the region, so Nasional is nasional", () => {
    const m = match([gold({ region: "nasional" })], [fact({ regionName: "Nasional" })]);
    expect(m.found[0]?.misread).toEqual([]);
    const accented = match([gold({ region: "Kota Cóntoh" })], [fact()]);
    expect(accented.found[0]?.misread).toEqual([]);
  });

  it("says which fields a found fact reads wrong", () => {
    const m = match(
      [gold()],
      [fact({ period: "2022", regionName: "Jawa Tengah", kind: "target" })],
    );
    expect(m.found[0]?.misread).toEqual([
      { field: "kind", expected: "realisasi", got: "target" },
      { field: "year", expected: "2023", got: "2022" },
      { field: "region", expected: "Kota Contoh", got: "Jawa Tengah" },
    ]);
    const metric = match([gold()], [fact({ metric: "usaha_mikro" })]);
    expect(metric.found[0]?.misread).toEqual([
      { field: "measure", expected: "umkm_total", got: "usaha_mikro" },
    ]);
  });

  it("needs a range's upper bound too", () => {
    const range = gold({ value: 60, value_max: 70, as_written: "60-70 persen" });
    expect(match([range], [fact({ value: 60 })]).missing).toHaveLength(1);
    expect(match([range], [fact({ value: 60, valueMax: 70 })]).found).toHaveLength(1);
  });

  describe("a measure outside the metric list", () => {
    const loans = gold({ metric: null, measure: "kredit KUR yang disalurkan (rupiah)" });
    const measureOf = (f: EvalFact) => match([loans], [f]).found[0]?.misread;

    it("is right when the fact's words share a content word with it", () => {
      expect(measureOf(fact({ metric: null, measure: "kredit mikro" }))).toEqual([]);
    });

    it("is wrong when the fact reads it as a curated metric", () => {
      expect(measureOf(fact({ metric: "umkm_total", measure: "kredit KUR" }))).toEqual([
        { field: "measure", expected: '"kredit KUR yang disalurkan (rupiah)"', got: "umkm_total" },
      ]);
    });

    it("is wrong when only generic words are shared: KUR names the programme, not the count", () => {
      expect(measureOf(fact({ metric: null, measure: "peminjam KUR" }))).toHaveLength(1);
    });

    it("counts the names of a metric outside the list as the fact's words", () => {
      const added = gold({ metric: null, measure: "penambahan UMKM baru" });
      const f = fact({ metric: "umkm_tambahan", measure: "tambahan" });
      expect(match([added], [f]).found[0]?.misread).toEqual([]);
    });
  });

  it("uses each fact once, and prefers the fact from the statistic's own sentence", () => {
    const first = gold({ as_written: "1.200 unit", quote: "Ada 1.200 unit usaha." });
    const second = gold({ as_written: "1.200 pelaku", quote: "Tercatat 1.200 pelaku UMKM." });
    const fromSecond = fact({ quote: "Tercatat 1.200 pelaku UMKM." });
    const fromFirst = fact({ quote: "Ada 1.200 unit usaha." });
    const m = match([first, second], [fromSecond, fromFirst]);
    expect(m.found.map((f) => [f.gold.quote, f.fact.quote])).toEqual([
      [first.quote, fromFirst.quote],
      [second.quote, fromSecond.quote],
    ]);
    expect(match([first, second], [fromSecond]).missing).toEqual([first]);
  });

  it("prefers a fact that reads the statistic right over one that does not", () => {
    const wrong = fact({ quote: "Lain.", regionName: "Jawa Tengah" });
    const right = fact({ quote: "Lain lagi." });
    expect(match([gold()], [wrong, right]).found[0]?.fact).toBe(right);
  });

  it("counts as extra only unmatched facts of the corpus's articles, not the seeds'", () => {
    const stray = fact({ value: 42 });
    const seed = fact({ article: "000_seed", value: 7 });
    expect(match([gold()], [fact(), stray, seed]).extra).toEqual([stray]);
  });
});

describe("the figures and thresholds", () => {
  const figures: EvalFigures = {
    statistics: 10,
    found: 8,
    readRight: 6,
    extraSure: 2,
    extraUnsure: 1,
    questions: 5,
    questionsRight: 4,
    wrongLeads: 1,
    turns: 0,
    turnsRight: 0,
  };

  it("prints five labelled lines, and a sixth for conversations when there are any", () => {
    expect(figureLines(figures)).toEqual([
      "statistics found: 8/10",
      "statistics read right: 6/10",
      "extra facts: 3 (sure 2, unsure 1)",
      "questions answered right: 4/5",
      "answers led by a wrong number: 1",
    ]);
    expect(figureLines({ ...figures, turns: 6, turnsRight: 5 })[4]).toBe(
      "conversation turns answered right: 5/6",
    );
  });

  it("names each threshold broken, floors and ceilings alike", () => {
    expect(brokenThresholds(figures, { "min-found": 8, "max-extra": 3 })).toEqual([]);
    expect(
      brokenThresholds(figures, { "min-found": 9, "max-extra": 2, "max-wrong-lead": 1 }),
    ).toEqual(["--min-found 9: got 8", "--max-extra 2: got 3"]);
  });
});

describe("npm run eval on a corpus folder", () => {
  const root = projectRoot();
  let folder: string;

  beforeAll(() => {
    expect(spawnSync("npm", ["run", "-s", "build"], { cwd: root }).status).toBe(0);
    folder = mkdtempSync(join(tmpdir(), "umkm-corpus-"));
    mkdirSync(join(folder, "articles"));
    writeFileSync(
      join(folder, "articles", "900_warta-contoh-kalteng.txt"),
      "---\noutlet: Warta Contoh\npublished: 2024-06-10\ntitle: UMKM Kalimantan Tengah bertambah\n---\nPalangka Raya (Warta Contoh) - Dinas Koperasi dan UKM Provinsi Kalimantan Tengah mencatat jumlah UMKM di Kalimantan Tengah mencapai 152.340 unit per Mei 2024. Dinas itu juga membina 1.250 koperasi.\n",
    );
    const statistic = {
      article: "900_warta-contoh-kalteng",
      region: "Kalimantan Tengah",
      province: "Kalimantan Tengah",
      period: "2024-05",
      kind: "realisasi",
      quote:
        "Palangka Raya (Warta Contoh) - Dinas Koperasi dan UKM Provinsi Kalimantan Tengah mencatat jumlah UMKM di Kalimantan Tengah mencapai 152.340 unit per Mei 2024.",
    };
    const goldFile = [
      {
        ...statistic,
        value: 152_340,
        as_written: "152.340",
        measure: "jumlah UMKM",
        metric: "umkm_total",
      },
      {
        ...statistic,
        value: 1_250,
        as_written: "1.250",
        measure: "koperasi binaan",
        metric: null,
        period: "2024-06-10",
        quote: "Dinas itu juga membina 1.250 koperasi.",
      },
      // A statistic the article does not hold, so that eval has a miss to list.
      {
        ...statistic,
        value: 7_777,
        as_written: "7.777",
        measure: "jumlah UMKM",
        metric: "umkm_total",
      },
    ];
    writeFileSync(join(folder, "gold.json"), JSON.stringify(goldFile));
    const questions = [
      { q: "umkm kalteng ada brp", expect: "152.340", outlet: "Warta Contoh", nodata: false },
      { q: "jumlah umkm kaltara", expect: null, outlet: null, nodata: true },
    ];
    writeFileSync(join(folder, "questions.json"), JSON.stringify(questions));
    const conversations = [
      {
        turns: [
          { q: "umkm kalteng ada brp", expect: "152.340", nodata: false },
          { q: "sumbernya?", expect: null, nodata: false },
          { q: "kalo kaltara?", expect: null, nodata: true },
        ],
      },
    ];
    writeFileSync(join(folder, "conversations.json"), JSON.stringify(conversations));
  });

  const evalCli = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, "dist/src/cli/eval.js"), folder, ...args], {
      encoding: "utf8",
      env: fixtureEnv(),
    });

  it("ends with the figures, each turn of a conversation asked after the ones before it", () => {
    const out = evalCli("--min-turns", "2");
    expect(out.status).toBe(0);
    const last = out.stdout.trim().split("\n").slice(-6);
    expect(last).toHaveLength(6);
    expect(last[0]).toMatch(/^statistics found: [0-3]\/3$/);
    expect(last[1]).toMatch(/^statistics read right: [0-3]\/3$/);
    expect(last[2]).toMatch(/^extra facts: (\d+) \(sure \d+, unsure \d+\)$/);
    expect(last[3]).toMatch(/^questions answered right: [0-2]\/2$/);
    // "kalo kaltara?" is only a question after "umkm kalteng ada brp"; "sumbernya?" is not graded.
    expect(last[4]).toBe("conversation turns answered right: 2/2");
    expect(last[5]).toMatch(/^answers led by a wrong number: [0-2]$/);
  });

  it("lists every miss with --verbose, and exits 1 naming a broken threshold", () => {
    const out = evalCli("--verbose", "--min-found", "3");
    expect(out.stdout).toMatch(/^not found: 900_warta-contoh-kalteng "7\.777"/m);
    expect(out.stderr).toMatch(/threshold broken: --min-found 3: got [0-2]/);
    expect(out.status).toBe(1);
  });
});
