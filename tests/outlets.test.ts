import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answer } from "../src/answer/answer";
import { readDataSettings } from "../src/config";
import { loadKnowledge } from "../src/knowledge/knowledge";
import { dataPaths } from "../src/paths";
import { copyOfSeeds, seedKnowledge, TODAY } from "./helpers/knowledge";

/** The seeds plus two made-up NTT articles from outlets whose names hold a place, or not. */
function knowledgeWithNttArticles() {
  const dir = copyOfSeeds();
  writeFileSync(
    join(dir, "articles", "101_pos_kupang.txt"),
    "---\noutlet: Pos-Kupang.com\npublished: 2024-03-10\ntitle: Pelaku UMKM di NTT terus bertambah\n---\nKupang (Pos-Kupang.com) - Dinas Koperasi dan UKM Provinsi NTT mencatat jumlah UMKM di NTT mencapai 150.000 unit pada Desember 2023.\n",
  );
  writeFileSync(
    join(dir, "articles", "102_warta_timur.txt"),
    "---\noutlet: Warta Timur\npublished: 2024-06-01\ntitle: Data baru UMKM NTT\n---\nKupang (Warta Timur) - Jumlah UMKM di NTT tercatat 180.500 unit per Mei 2024, menurut pendataan Dinas Koperasi dan UKM setempat.\n",
  );
  return loadKnowledge(dataPaths(readDataSettings({ SEEDS_DIR: dir })));
}

const k = knowledgeWithNttArticles();
const ask = (q: string) => answer(k, q, { today: TODAY });

describe("outlets named in a question", () => {
  it("answers from that outlet's articles only, and says so", () => {
    const a = ask("umkm ntt menurut pos kupang ada brp");
    expect(a.query.outlets).toEqual(["Pos-Kupang.com"]);
    expect(a.query.regions).toEqual(["nusa_tenggara_timur"]);
    expect(a.text).toMatch(/^150 ribu unit — jumlah UMKM di Nusa Tenggara Timur/);
    expect(a.text).not.toContain("180.500");
    expect(a.text).toContain("Asumsi: jumlah UMKM; data terbaru; hanya sumber Pos-Kupang.com.");
  });

  it("gives the latest of all outlets when none is named", () => {
    expect(ask("jumlah umkm ntt brp").text).toMatch(/^180.500 unit — jumlah UMKM/);
  });

  it.each([
    ["versi warta timur umkm ntt", "Warta Timur"],
    ["kata pos-kupang.com jumlah umkm ntt", "Pos-Kupang.com"],
    ["jumlah umkm ntt data pos-kupang.com", "Pos-Kupang.com"],
  ])("%s names %s", (q, outlet) => {
    expect(k.understand(q, TODAY).outlets).toEqual([outlet]);
    expect(k.understand(q, TODAY).regions).toEqual(["nusa_tenggara_timur"]);
  });

  it("says when the outlet named has no such figure", () => {
    const a = ask("menurut warta timur berapa umkm go digital");
    expect(a.outcome).toBe("no_data");
    expect(a.text).toContain("hanya sumber Warta Timur");
    expect(a.text).not.toContain("27 juta");
  });

  it("still reads the place when the words are not said as an outlet", () => {
    const q = k.understand("umkm kupang brp", TODAY);
    expect(q.outlets).toEqual([]);
    expect(q.ambiguous?.candidates).toEqual(["kabupaten_kupang", "kota_kupang"]);
  });
});

describe("outlets whose names hold a place, in the seed articles", () => {
  const seeds = seedKnowledge();
  const understand = (q: string) => seeds.understand(q, TODAY);

  it("never reads ANTARA News Bali as Bali", () => {
    const q = understand("umkm go digital versi antara news bali");
    expect(q.outlets).toEqual(["ANTARA News Bali"]);
    expect(q.regions).toEqual([]);
  });

  it("reads a bare 'antara' as the outlet only after a cue", () => {
    expect(understand("menurut antara berapa umkm lampung").outlets).toEqual([
      "ANTARA",
      "ANTARA News Bali",
    ]);
    const between = understand("perbandingan antara bali dan lampung");
    expect(between.outlets).toEqual([]);
    expect(between.regions).toEqual(["bali", "lampung"]);
  });

  it("reads a name with its domain anywhere, and one that is no ordinary word", () => {
    expect(understand("kata bisnis.com umkm go digital brp").outlets).toEqual(["Bisnis.com"]);
    expect(understand("umkm lampung lampost").outlets).toEqual(["Lampost.co"]);
    expect(understand("umkm bisnis online").outlets).toEqual([]);
  });

  it("answers a figure question that names an outlet, not a question about sources", () => {
    const a = answer(seeds, "umkm go digital sumber bisnis.com", { today: TODAY });
    expect(a.intent).toBe("statistic");
    expect(a.text).toMatch(/^27 juta — UMKM go digital nasional/);
    expect(a.text).toContain("hanya sumber Bisnis.com");
  });
});
