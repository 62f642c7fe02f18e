import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answer } from "../src/answer/answer";
import { readDataSettings } from "../src/config";
import { makeQuantityReader } from "../src/extract/quantities";
import type { Fact } from "../src/facts/fact-schema";
import { loadKnowledge } from "../src/knowledge/knowledge";
import { dataPaths, projectRoot } from "../src/paths";

// Four short articles written for these tests, each exercising a few of the extractor's
// mechanisms the way real outlets write: enumerations, regencies beside their province,
// rupiah with the outlets' spellings, spelled numbers, ranges, places abroad, definitions.
const k = loadKnowledge({
  ...dataPaths(readDataSettings({})),
  seedsDir: join(projectRoot(), "tests", "fixtures", "mechanisms"),
});
const read = makeQuantityReader(k.lexicon.extraction);

function fact(written: string, article?: string): Fact {
  const found = k.table.facts.filter(
    (f) => f.written === written && (!article || f.article.startsWith(article)),
  );
  expect(found, `one fact written "${written}"`).toHaveLength(1);
  return found[0] as Fact;
}

const none = (written: string) =>
  expect(k.table.facts.filter((f) => f.written === written)).toEqual([]);

describe("numbers read the Indonesian way", () => {
  it.each([
    ["Rp412,5 miliar", 412_500_000_000, "rupiah"],
    ["Rp1,1 trilyun", 1_100_000_000_000, "rupiah"],
    ["Rp17 trliun", 17_000_000_000_000, "rupiah"],
    ["US$1,8 juta", 1_800_000, "usd"],
    ["tiga persen", 3, "persen"],
    ["54,81persen", 54.81, "persen"],
    ["delapan ribuan pelaku", 8_000, "count"],
    ["tujuh debitur", 7, "count"],
    ["6,3 juta dolar AS", 6_300_000, "usd"],
    ["tiga perempat UMKM", 75, "persen"],
    ["sepertiga nilai ekspor", 33.33, "persen"],
    ["2,5 miliar dollar Amerika Serikat", 2_500_000_000, "usd"],
    ["97 miliar rupiah", 97_000_000_000, "rupiah"],
  ])("%s is %d (%s)", (text, value, unit) => {
    const [q] = read(text);
    expect([q?.value, q?.unit]).toEqual([value, unit]);
  });

  it("keeps a range's bounds and an approximation's qualifier", () => {
    expect(read("sekitar 30-40 persen")[0]).toMatchObject({ value: 30, valueMax: 40 });
    expect(read("30 hingga 35 persen")[0]).toMatchObject({ value: 30, valueMax: 35 });
    expect(read("Rp 3 jt hingga Rp 15 jt per bulan")).toMatchObject([
      {
        value: 3_000_000,
        valueMax: 15_000_000,
        unit: "rupiah",
        written: "Rp 3 jt hingga Rp 15 jt",
      },
    ]);
    expect(read("20 persen sampai 25 persen")).toMatchObject([{ value: 20, valueMax: 25 }]);
    expect(read("hampir 660 ribu unit")[0]).toMatchObject({ value: 660_000, approx: "hampir" });
    expect(read("70-an ribu usaha")[0]).toMatchObject({ value: 70_000, approx: "-an" });
    expect(read("24 ribu lebih")[0]).toMatchObject({ value: 24_000, approx: "lebih" });
  });

  it("reads a currency sign before people as the outlet's slip, not money", () => {
    expect(read("penerima KUR sebanyak Rp4,08 juta orang")[0]?.unit).toBe("count");
    expect(fact("Rp2.015")).toMatchObject({ metric: "kur_debitur", value: 2015, unit: "orang" });
  });

  it("skips ranks, law numbers, dates, salah satu and incidental counts", () => {
    expect(read("peringkat ke-5, UU Nomor 20 Tahun 2008, Rabu (13/2), salah satu UMKM")).toEqual(
      [],
    );
    expect(read("di 15 kelurahan dan 7 kontainer")).toEqual([]);
  });
});

describe("each number in its own clause, with its own words", () => {
  it("gives each item of an enumeration its own measure", () => {
    expect(fact("152.340").metric).toBe("umkm_total");
    expect(fact("140.120").metric).toBe("usaha_mikro");
    expect(fact("11.050").metric).toBe("usaha_kecil");
    expect(fact("1.170").metric).toBe("usaha_menengah");
  });

  it("reads 'usaha mikro, kecil dan menengah' as one noun, its 'dan' joining no two numbers", () => {
    expect(fact("14.300")).toMatchObject({ metric: "umkm_go_digital", period: "2023-12" });
  });

  it("reads the words before 'yakni' as what the number after it counts", () => {
    expect(fact("41.300").metric).toBe("usaha_mikro");
    expect(fact("5.900").metric).toBe("usaha_kecil");
  });

  it("reads a survey of 'Koperasi dan UMKM' as its source, not as counting cooperatives", () => {
    expect(fact("51.200")).toMatchObject({ metric: "umkm_total", period: "2023" });
  });

  it("reads what the sentence is about (UMi) into a number whose own words only say 'penyaluran'", () => {
    expect(fact("Rp24,6 miliar").metric).toBe("umi_penyaluran");
    expect(fact("5.320").metric).toBe("umi_debitur");
  });

  it("reads a count of units or UMKM as businesses, whatever else its clause is about", () => {
    expect(fact("98.400")).toMatchObject({ metric: "umkm_total", region: "sulawesi_tenggara" });
    expect(fact("210 ribu").metric).toBe("tenaga_kerja");
    expect(fact("31.250")).toMatchObject({ metric: "umkm_total", region: "kota_kendari" });
  });

  it("reads PNM Mekaar's lending and customers as Mekaar's, and answers 'udh nyalur brp'", () => {
    expect(fact("Rp840 miliar").metric).toBe("mekaar_penyaluran");
    expect(fact("96 ribu").metric).toBe("mekaar_nasabah");
    const a = answer(k, "mekaar di sultra udh nyalur brp", {
      today: new Date("2024-10-01T00:00:00Z"),
    });
    expect(a.text).toMatch(
      /^Rp840 miliar — penyaluran pembiayaan Mekaar \(PNM\) di Sulawesi Tenggara/,
    );
  });

  it("reads debtors as debtors and money lent as money lent, not as UMKM", () => {
    expect(fact("Rp412,5 miliar")).toMatchObject({ metric: "kur_penyaluran", unit: "rupiah" });
    expect(fact("6.210")).toMatchObject({ metric: "kur_debitur", unit: "debitur" });
    expect(fact("tujuh")).toMatchObject({ metric: "kur_debitur", value: 7 });
  });

  it("keeps two writings of one export figure, each in its own currency", () => {
    expect(fact("US$1,8 juta")).toMatchObject({ metric: "ekspor_nilai", unit: "US$" });
    expect(fact("Rp28,4 miliar")).toMatchObject({ metric: "ekspor_nilai", unit: "rupiah" });
  });

  it("names a sector's or a scheme's part of a measure with its part, never as the whole", () => {
    expect(fact("Rp910 miliar")).toMatchObject({
      metric: null,
      measure: expect.stringMatching(/^penyaluran KUR sektor perikanan/),
    });
    expect(fact("Rp2,2 triliun")).toMatchObject({ metric: null, measure: "penyaluran KUR mikro" });
    expect(fact("Rp850 miliar")).toMatchObject({ metric: null, measure: "penyaluran KUR kecil" });
    const a = answer(k, "penyaluran kur sultra 2024 brp", {
      today: new Date("2024-10-01T00:00:00Z"),
    });
    expect(a.text).toMatch(
      /^Rp3,1 triliun — penyaluran KUR di Sulawesi Tenggara, per Agustus 2024/,
    );
  });

  it("answers a question about a part with that part, and never with the whole as if it were", () => {
    const on = { today: new Date("2024-10-01T00:00:00Z") };
    const scheme = answer(k, "penyaluran kur mikro di sultra brp", on);
    expect(scheme.text).toMatch(/^Rp2,2 triliun — penyaluran KUR mikro di Sulawesi Tenggara/);
    const sector = answer(k, "kur sektor perikanan sultra", on);
    expect(sector.text).toMatch(/^Rp910 miliar — penyaluran KUR sektor perikanan/);
    const none = answer(k, "kur sektor pertanian sultra", on).text.split("\n");
    expect(none[0]).toBe(
      'Belum ada angka khusus "sektor pertanian" untuk penyaluran KUR di Sulawesi Tenggara. Angka seluruhnya:',
    );
    expect(none[1]).toMatch(/^Rp3,1 triliun — penyaluran KUR di Sulawesi Tenggara/);
  });

  it("reads the exports of a few businesses named before ('ketiga perusahaan tersebut') as theirs", () => {
    expect(fact("US$215.000")).toMatchObject({
      metric: null,
      measure: "nilai ekspor UMKM ketiga perusahaan",
    });
    const a = answer(k, "ekspor umkm sultra 2024", { today: new Date("2024-10-01T00:00:00Z") });
    expect(a.text).toMatch(
      /^US\$4,2 juta — nilai ekspor UMKM di Sulawesi Tenggara, triwulan I 2024/,
    );
  });

  it("counts the UMKM a programme reached as that, never as all the UMKM", () => {
    expect(fact("1.250").metric).not.toBe("umkm_total");
    const a = answer(k, "umkm sultra ada brp", { today: new Date("2024-10-01T00:00:00Z") });
    expect(a.text).toMatch(/^98\.400 unit — jumlah UMKM di Sulawesi Tenggara/);
    expect(a.text).not.toContain("1.250");
  });

  it("reads a not-yet share as the not-yet share", () => {
    expect(fact("68 persen").metric).toBe("umkm_belum_digital_share");
  });

  it("reads new UMKM as an increase, and those with a halal certificate as a part, of the capital", () => {
    expect(fact("2.640")).toMatchObject({ metric: "umkm_tambahan", region: "kota_semarang" });
    expect(fact("410").metric).toBeNull();
    expect(fact("410").measure).toContain("sertifikat halal");
    expect(fact("410").region).toBe("kota_semarang");
  });

  it("reads 'N usaha mikro, kecil, dan menengah' as N UMKM, dated by what 'Hasilnya' goes on from", () => {
    expect(fact("4.015.880")).toMatchObject({
      metric: "umkm_total",
      region: "jawa_tengah",
      period: "2022",
    });
  });

  it("reads 'sisanya' after a share as the rest of it, not the share again", () => {
    expect(fact("37,5 persen").metric).toBe("umkm_digital_share");
    expect(fact("62,5 persen").metric).toBe("umkm_belum_digital_share");
  });

  it("reads an export in dollars and in rupiah written after the amount", () => {
    expect(fact("6,3 juta dolar AS")).toMatchObject({
      unit: "US$",
      value: 6_300_000,
      period: "2023",
    });
    expect(fact("97 miliar rupiah")).toMatchObject({
      unit: "rupiah",
      value: 97_000_000_000,
      approx: "sekitar",
      region: "sulawesi_barat",
    });
  });
});

describe("regions at their real level", () => {
  it("keeps a city's and a regency's figures their own, with their province", () => {
    expect(fact("21.400")).toMatchObject({
      region: "kota_palangka_raya",
      regionName: "Kota Palangka Raya",
      regionLevel: "kota",
      province: "kalimantan_tengah",
    });
    expect(fact("Rp88,4 miliar")).toMatchObject({
      region: "kabupaten_halmahera_utara",
      regionLevel: "kabupaten",
    });
  });

  it("reads 'di provinsi ini' as the province, not the regency named just before", () => {
    expect(fact("Rp1,1 trilyun").region).toBe("maluku_utara");
  });

  it("keeps a national figure national, wherever the news was filed", () => {
    expect(fact("24 juta")).toMatchObject({ region: "nasional", metric: "umkm_go_digital" });
    expect(fact("65 juta")).toMatchObject({ region: "nasional", approx: "hampir" });
  });

  it("keeps a group of provinces a region of its own, never one of them", () => {
    expect(fact("9,2 juta")).toMatchObject({
      region: "pulau_sumatera",
      regionLevel: "kelompok",
      province: null,
    });
  });

  it("reads the place after a ranking word as where the figure ranks, not where it was counted", () => {
    expect(fact("Rp640 miliar").region).toBe("kabupaten_kolaka");
  });

  it("reads a dateline in capitals as where the story was filed, not what it counts", () => {
    expect(fact("4,94 persen")).toMatchObject({
      metric: "pertumbuhan_ekonomi",
      region: "kalimantan_utara",
    });
  });

  it("gives a quote that names no place the place of whoever said it", () => {
    // The sentence before compared with the national rate: that is no setting for this one.
    expect(fact("48 ribu")).toMatchObject({ metric: "umkm_total", region: "kalimantan_utara" });
  });

  it("reads 'paling banyak di Kota X dengan N unit' as a ranking, not a legal ceiling", () => {
    expect(fact("12.450")).toMatchObject({ metric: "umkm_total", region: "kota_tarakan" });
  });

  it("gives a figure said of two places 'masing-masing' to each, and a pair of figures one each", () => {
    const each = k.table.facts.filter((f) => f.written === "tujuh ribuan").map((f) => f.region);
    expect(each.sort()).toEqual(["kabupaten_malinau", "kabupaten_nunukan"]);
    expect(fact("6.100").region).toBe("kabupaten_bulungan");
    expect(fact("2.300").region).toBe("kabupaten_tana_tidung");
  });

  it("pairs places listed 'masing-masing' with the numbers listed after them, though a place follows", () => {
    expect(fact("Rp212 miliar")).toMatchObject({
      region: "kabupaten_konawe",
      metric: "kur_penyaluran",
    });
    expect(fact("Rp188 miliar")).toMatchObject({ region: "kabupaten_kolaka_utara" });
  });

  it("reads each item of a list on its own line, with the time of the line that introduced it", () => {
    expect(fact("212.400")).toMatchObject({ region: "kabupaten_brebes", period: "2024-06" });
    expect(fact("198.750")).toMatchObject({ region: "kabupaten_cilacap", period: "2024-06" });
    expect(fact("176.300")).toMatchObject({ region: "kota_semarang", period: "2024-06" });
  });

  it("reads a story filed from Jakarta as national until it names a place, and after", () => {
    expect(fact("Rp 190,4 triliun")).toMatchObject({ region: "nasional", sure: true });
    expect(fact("66 persen")).toMatchObject({
      region: "nasional",
      measure: "porsi penyaluran KUR mikro",
    });
    expect(fact("Rp 3,1 triliun").region).toBe("sulawesi_tengah");
    expect(fact("Rp 310 triliun")).toMatchObject({ region: "nasional", kind: "target" });
  });

  it("does not carry a regency named in one paragraph into the next", () => {
    expect(fact("Rp35 miliar").region).toBe("kabupaten_wakatobi");
    expect(fact("Rp910 miliar").region).toBe("sulawesi_tenggara");
  });

  it("reads an office's joint area ('OJK Sultra-Sulbar') as both provinces, never the last", () => {
    expect(fact("Rp3,6 triliun").region).toBe("sulawesi_tenggara+sulawesi_barat");
  });

  it("reads a typical turnover as a figure, and one that defines a group as none", () => {
    expect(fact("Rp 4 juta hingga Rp 12 juta")).toMatchObject({
      metric: "omzet",
      valueMax: 12_000_000,
    });
    none("Rp 2 miliar hingga Rp 15 miliar");
    expect(fact("21.300").metric).toBe("usaha_kecil");
  });

  it("keeps no figure about a place abroad, and no legal threshold", () => {
    none("60 persen");
    none("Rp50 juta");
  });
});

describe("time from the number's own clause", () => {
  it("takes the period named with the number, and says when the article's date stands in", () => {
    expect(fact("Rp412,5 miliar")).toMatchObject({ period: "2024-04", periodAssumed: false });
    expect(fact("65 juta")).toMatchObject({ period: "2024-03-12", periodAssumed: true });
    expect(fact("50-an ribu")).toMatchObject({ period: "2021", approx: "-an" });
    expect(fact("61 ribu")).toMatchObject({ period: "2022", approx: "lebih" });
  });

  it("dates a figure its clause points back at ('KUR tersebut') by the figure before", () => {
    expect(fact("8.450")).toMatchObject({ metric: "kur_debitur", period: "2024-06" });
  });

  it("dates a figure 'pada periode yang sama' by the sentence before, wherever its clause says so", () => {
    expect(fact("13.800")).toMatchObject({ region: "kota_tarakan", period: "2023-12" });
  });

  it("dates every number after 'pada periode yang sama' by the figures before, not by an event's year", () => {
    expect(fact("31.870")).toMatchObject({
      region: "kabupaten_polewali_mandar",
      period: "2023-12",
    });
    expect(fact("14.620")).toMatchObject({ region: "kabupaten_majene", period: "2023-12" });
  });

  it("leaves the time after 'dari target N' to the target, and dates 'Artinya ...' by the figure before", () => {
    expect(fact("41.250")).toMatchObject({ kind: "realisasi", period: "2024-02" });
    expect(fact("50.000")).toMatchObject({ kind: "target", period: "2024-12" });
    expect(fact("53 persen")).toMatchObject({
      metric: "umkm_belum_digital_share",
      period: "2024-02",
    });
  });

  it("keeps the period of the figure a quote goes on from, not the day it was said, nor where", () => {
    expect(fact("Rp2,05 triliun")).toMatchObject({
      measure: "penyaluran KUR mikro",
      region: "sulawesi_tenggara",
      period: "2023",
    });
  });

  it("takes neither a starting point nor a comparison's base as the figure's time", () => {
    expect(fact("58.930")).toMatchObject({ metric: "nib", period: "2023-12" });
    expect(fact("5,6 persen").period).toBe("2023-12");
  });

  it("never dates a figure by a law's year", () => {
    expect(fact("40 persen", "901").period).toBe("2025");
  });

  it("dates 'saat ini' by the day the statement was made", () => {
    expect(fact("15 persen")).toMatchObject({ period: "2023-08-14", region: "bengkulu" });
  });

  it("reads a quarter, and a future year as a target", () => {
    expect(fact("US$1,8 juta").period).toBe("2024-Q1");
    expect(fact("30 hingga 35 persen")).toMatchObject({ kind: "target", valueMax: 35 });
  });
});

describe("target cues bind to their own number", () => {
  it("reads the target and the realisation of one sentence apart", () => {
    expect(fact("45 persen").kind).toBe("target");
    expect(fact("32 persen").kind).toBe("realisasi");
  });

  it("reads 'dari target N' after a figure as that figure's target, in its measure", () => {
    expect(fact("9.870")).toMatchObject({ metric: "umkm_go_digital", kind: "realisasi" });
    expect(fact("12.000")).toMatchObject({ metric: "umkm_go_digital", kind: "target" });
  });

  it("gives 'dari target ...' to the number after it, not the one before", () => {
    expect(fact("Rp610 miliar")).toMatchObject({ kind: "realisasi", period: "2024-06" });
    expect(fact("Rp1,3 triliun")).toMatchObject({ kind: "target", period: "2024" });
  });

  it("reads a ceiling allotted ('plafon yang dialokasikan') as a target", () => {
    expect(fact("Rp1,1 triliun", "907").kind).toBe("target");
    expect(fact("Rp980 miliar").kind).toBe("realisasi");
  });

  it("reads 'realisasinya' as reaching the target just named, in its measure", () => {
    expect(fact("6.000")).toMatchObject({ metric: "umkm_go_digital", kind: "target" });
    expect(fact("3.120")).toMatchObject({ metric: "umkm_go_digital", kind: "realisasi" });
  });
});

describe("sure or unsure", () => {
  it("keeps a figure whose measure was only guessed, marked unsure, and never leads with it", () => {
    expect(fact("39 ribu")).toMatchObject({ sure: false, approx: "sekitar" });
    expect(fact("41.200").sure).toBe(true);
    const a = answer(k, "umkm gorontalo brp", { today: new Date("2024-08-01T00:00:00Z") });
    expect(a.text).toMatch(/^41\.200 unit — jumlah UMKM di Gorontalo, tahun 2023/);
    expect(a.text).not.toContain("39");
  });
});

describe("measures an article names that the curated list does not", () => {
  const ask = (q: string) => answer(k, q, { today: new Date("2024-10-01T00:00:00Z") }).text;

  it("answers words that are usually off topic when an article counts them for the place", () => {
    expect(ask("jumlah sertifikat halal sulbar 2023")).toMatch(/^2\.150 .*Sulawesi Barat/);
    expect(ask("target sertifikat halal sulbar 2023")).toMatch(/^Belum ada data target/);
  });

  it("still turns away what no article counts", () => {
    expect(ask("harga cabai sulbar 2023")).toMatch(/^Maaf, saya hanya menjawab statistik UMKM/);
    expect(ask("investasi umkm sulbar 2023")).toMatch(
      /^Belum ada data investasi untuk Sulawesi Barat/,
    );
  });
});

describe("a target asked after a month's figure", () => {
  it("is the one set for later that year", () => {
    const today = new Date("2024-10-01T00:00:00Z");
    const first = answer(k, "umkm sulbar yg udh go digital per februari 2024", { today });
    expect(first.text).toMatch(/^41\.250 /);
    const next = answer(k, "targetnya?", { today, previous: first.query });
    expect(next.text).toMatch(/^50\.000 — target UMKM go digital di Sulawesi Barat/);
  });
});

describe("an amount asked in a currency", () => {
  const ask = (q: string) => answer(k, q, { today: new Date("2024-10-01T00:00:00Z") }).text;

  it("leads with the figure in that currency when the article gives both", () => {
    expect(ask("ekspor umkm sulbar 2023 dlm rupiah")).toMatch(
      /^sekitar Rp97 miliar — nilai ekspor/,
    );
    expect(ask("ekspor umkm sulbar 2023 brp dolar")).toMatch(/^US\$6,3 juta — nilai ekspor/);
  });

  it("says when there is none in it, before what there is", () => {
    expect(ask("ekspor umkm sultra dalam rupiah")).toMatch(
      /^Belum ada angka nilai ekspor UMKM di Sulawesi Tenggara dalam rupiah\. Yang ada:\nUS\$/,
    );
  });
});

describe("follow-ups that change only how the figure is wanted", () => {
  const today = new Date("2024-10-01T00:00:00Z");

  it("gives the same figure in the other currency for 'rupiahnya?', then keeps it for another year", () => {
    const first = answer(k, "ekspor umkm sulbar 2023 brp dolar", { today });
    expect(first.text).toMatch(/^US\$6,3 juta/);
    const next = answer(k, "rupiahnya?", { today, previous: first.query });
    expect(next.text).toMatch(/^sekitar Rp97 miliar — nilai ekspor UMKM di Sulawesi Barat/);
  });

  it("turns away an off-topic follow-up instead of answering the last measure", () => {
    const first = answer(k, "ekspor umkm sulbar 2023 brp dolar", { today });
    expect(answer(k, "harga cabai?", { today, previous: first.query }).text).toMatch(/^Maaf/);
  });
});

describe("how people shorten places and measures", () => {
  it.each([
    ["umkm kota smg brp", "kota_semarang"],
    ["kalo kota mlg kur nya brp", "kota_malang"],
    ["umkm kab bdg", "kabupaten_bandung"],
  ])("%s asks about %s", (q, region) => {
    expect(k.understand(q, new Date("2024-10-01T00:00:00Z")).regions).toEqual([region]);
  });

  it("reads a non-performing-loan ratio as that, not as a share of KUR", () => {
    expect(fact("1,9 persen")).toMatchObject({
      measure: "rasio kredit bermasalah (NPL)",
      region: "nasional",
    });
  });

  it("keeps bank credit to UMKM apart from KUR, and gives no share where there is only an amount", () => {
    expect(fact("Rp 1.420 triliun")).toMatchObject({
      metric: null,
      measure: "penyaluran kredit UMKM",
    });
    const today = new Date("2024-10-01T00:00:00Z");
    expect(answer(k, "kredit umkm nasional brp", { today }).text).toMatch(/^Rp1\.420 triliun/);
    expect(answer(k, "kur nasional agustus 2024", { today }).text).toMatch(/^Rp190,4 triliun/);
    expect(answer(k, "porsi kredit umkm nasional brp persen", { today }).text).toMatch(
      /^Belum ada angka persentase/,
    );
  });

  it("reads 'udh cair' as asking what was disbursed", () => {
    const a = answer(k, "kur sulteng udh cair brp", { today: new Date("2024-10-01T00:00:00Z") });
    expect(a.text).toMatch(/^Rp3,1 triliun — penyaluran KUR di Sulawesi Tengah/);
  });
});

describe("how much a measure changed", () => {
  const today = new Date("2024-10-01T00:00:00Z");

  it("reads a share right after a word of change as the change of what its clause counts", () => {
    expect(fact("5,6 persen")).toMatchObject({ metric: null, measure: "kenaikan jumlah UMKM" });
    expect(fact("9,3 persen")).toMatchObject({
      metric: null,
      measure: "pertumbuhan penyaluran KUR",
    });
    expect(fact("6,2 persen").metric).toBe("pertumbuhan_ekonomi");
    // No rule names the transactions: the change is of the amount read just before it.
    expect(fact("74 persen").measure).toMatch(/^pertumbuhan nilai transaksi qris/i);
    // "meningkat hingga 38 persen" says where the share got to, not by how much.
    expect(fact("38 persen").metric).toBe("umkm_digital_share");
  });

  it("answers 'naik brp persen' with the change, whichever word the article used", () => {
    expect(answer(k, "umkm kaltim naik brp persen", { today }).text).toMatch(
      /^sekitar 5,6 persen — kenaikan jumlah UMKM di Kalimantan Timur/,
    );
    expect(answer(k, "pertumbuhan kur kaltim 2023", { today }).text).toMatch(
      /^9,3 persen — pertumbuhan penyaluran KUR di Kalimantan Timur/,
    );
    expect(answer(k, "umkm kaltim brp", { today }).text).toMatch(/^372\.410 unit/);
  });
});
