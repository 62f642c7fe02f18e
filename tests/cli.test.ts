import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../src/paths";
import { factsCsv } from "../src/table-export/csv";
import { filterFacts } from "../src/table-export/fact-filter";
import { fixtureEnv, seedKnowledge } from "./helpers/knowledge";

const root = projectRoot();
const clean = fixtureEnv();
const run = (script: string, args: string[], input?: string) =>
  spawnSync(process.execPath, [join(root, "dist/src/cli", script), ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: clean,
  });

describe("the command line", () => {
  beforeAll(() => {
    expect(spawnSync("npm", ["run", "-s", "build"], { cwd: root }).status).toBe(0);
  });

  it("answers one question as plain text", () => {
    const out = run("ask.js", ["berapa UMKM go digital 2023?"]);
    expect(out.status).toBe(0);
    expect(out.stdout.split("\n")[0]).toBe(
      "27 juta — UMKM go digital nasional, per 4 Desember 2023 (Bisnis.com, 4 Desember 2023)",
    );
  });

  it("answers as JSON with what it understood, used and assumed", () => {
    const out = JSON.parse(run("ask.js", ["--json", "jabar umkm ada brp"]).stdout);
    expect(out).toMatchObject({
      question: "jabar umkm ada brp",
      intent: "statistic",
      region: ["jawa_barat"],
      metric: ["umkm_total"],
      assumed: ["jumlah UMKM", "data terbaru"],
    });
    expect(out.answer).toContain("4,6 juta");
    expect(out.facts[0]).toMatchObject({
      outlet: "Republika",
      published: "2022-09-21",
      value: 4_600_000,
      written: "4,6 juta",
    });
  });

  it("reads one question a line from standard input", () => {
    const out = run(
      "ask.js",
      ["--json"],
      "jabar umkm ada brp\nbrp persen umkm lampung yg udh digital\n",
    );
    const lines = out.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.answer.split(" — ")[0])).toEqual(["4,6 juta", "70 persen"]);
  });

  it("keeps the conversation across lines, as the chat does", () => {
    const out = run("ask.js", ["--json"], "jabar umkm ada brp\nkalau lampung?\n");
    const [, followUp] = out.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(followUp).toMatchObject({ region: ["lampung"], metric: ["umkm_total"] });
    expect(followUp.answer).toMatch(/^326\.505 unit — jumlah UMKM di Lampung/);
    // Asked alone, "kalau lampung?" would assume the metric; here it comes from the line before.
    expect(followUp.assumed).toEqual(["data terbaru"]);
  });

  it("writes a trend chart as a PNG", () => {
    const file = join(mkdtempSync(join(tmpdir(), "chart-")), "grafik.png");
    const out = run("ask.js", ["--chart", file, "perkembangan UMKM go digital"]);
    expect(out.stderr).toContain(`Grafik disimpan: ${file}`);
    expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
  });

  it("prints the fact table for people, and as JSON", () => {
    const table = run("facts.js", []).stdout;
    expect(table).toContain("Bisnis.com");
    expect(table).toMatch(/Lampung\s+usaha_mikro\s+realisasi\s+5 Maret 2024\s+311\.844 unit/);
    const facts = JSON.parse(run("facts.js", ["--json"]).stdout);
    expect(facts).toHaveLength(31);
    // Today's field names stay; the new ones say what is counted, where at which level, and how sure.
    expect(Object.keys(facts[0])).toEqual(
      expect.arrayContaining([
        "id",
        "article",
        "metric",
        "region",
        "period",
        "kind",
        "value",
        "unit",
        "written",
        "quote",
        "outlet",
        "published",
        "measure",
        "regionName",
        "regionLevel",
        "province",
        "periodAssumed",
        "sure",
      ]),
    );
  });

  it("writes the fact table as CSV, the file /unduh sends, with the same filters", () => {
    const k = seedKnowledge();
    expect(run("facts.js", ["--csv"]).stdout).toBe(factsCsv(k.table.facts, k.table));
    const out = join(mkdtempSync(join(tmpdir(), "umkm-csv-")), "lampung.csv");
    expect(run("facts.js", ["--csv", "--out", out, "lampung"]).status).toBe(0);
    const lampung = filterFacts(k.table.facts, { regions: ["lampung"], measures: [] });
    expect(lampung.length).toBeGreaterThan(0);
    expect(readFileSync(out, "utf8")).toBe(factsCsv(lampung, k.table));
    const wrong = run("facts.js", ["--csv", "xyzzy"]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('"xyzzy" tidak dikenali sebagai wilayah atau data.');
  });

  it.each(["ask.js", "facts.js", "eval.js"])(
    "%s names an unknown option and shows how to call it, with no stack trace",
    (script) => {
      const out = run(script, ["--jsn"]);
      expect(out.status).toBe(2);
      expect(out.stderr).toContain("Unknown option '--jsn'");
      expect(out.stderr).toMatch(/(Pakai|Usage): npm run /);
      expect(out.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it("names the file and field of a bad article, and exits 1", () => {
    const seeds = mkdtempSync(join(tmpdir(), "bad-seeds-"));
    mkdirSync(join(seeds, "articles"));
    writeFileSync(join(seeds, "articles", "a.txt"), "---\noutlet: X\npublished: 2024\n---\nIsi.\n");
    const out = spawnSync(process.execPath, [join(root, "dist/src/cli/facts.js")], {
      encoding: "utf8",
      env: { ...clean, SEEDS_DIR: seeds },
    });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain("articles/a.txt: title: required");
  });
});
