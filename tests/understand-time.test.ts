import { describe, expect, it } from "vitest";
import { answer } from "../src/answer/answer";
import { foldKeepingPositions } from "../src/text/fold";
import { makePeriodFinder, referenceOf } from "../src/text/periods";
import { seedKnowledge, TODAY } from "./helpers/knowledge";

// TODAY is 22 November 2026: every relative answer below is counted from it.
const k = seedKnowledge();
const understand = (q: string) => k.understand(q, TODAY);
const periodsOf = (q: string) => understand(q).periods;

describe("two-digit years", () => {
  it.each([
    ["jml umkm jatim thn 21 brp", "2021"],
    ["umkm go digital tahun 23 ada berapa", "2023"],
    ["data umkm sulsel th 22", "2022"],
    ["umkm go digital '23", "2023"],
    ["jumlah umkm bali ’22 berapa ya", "2022"],
    ["umkm go digital juni 23", "2023-06"],
    ["per juni 23 umkm yg go digital brp", "2023-06"],
    ["umkm lampung des 22", "2022-12"],
    ["berapa umkm go online per mar 24", "2024-03"],
  ])("%s is about %s", (q, period) => {
    expect(periodsOf(q)).toEqual([period]);
  });

  it("reads a two-digit number as a count, not a year, without a year word, a month or an apostrophe", () => {
    expect(periodsOf("ada 23 umkm binaan di kota metro")).toEqual([]);
    expect(periodsOf("umkm jabar 21 ribu yg digital?")).toEqual([]);
    expect(periodsOf("target juni 30 persen umkm digital")).toEqual(["2026-06"]);
  });

  it("puts a two-digit year at most a decade ahead of today", () => {
    expect(periodsOf("umkm thn 98")).toEqual(["1998"]);
    expect(periodsOf("target umkm thn 35")).toEqual(["2035"]);
  });
});

describe("months in Indonesian and English", () => {
  it.each([
    ["umkm go digital june 2023", "2023-06"],
    ["msme go digital as of march 2024", "2024-03"],
    ["jumlah umkm per maret 2023", "2023-03"],
    ["umkm go digital bulan agustus tahun 2021", "2021-08"],
    ["umkm go digital oktober kemarin", "2026-10"],
    ["umkm go digital desember lalu", "2025-12"],
  ])("%s is about %s", (q, period) => {
    expect(periodsOf(q)).toEqual([period]);
  });

  it("reads a month without a year as the latest such month up to today, and says so", () => {
    const june = understand("umkm go digital per juni brp");
    expect(june.periods).toEqual(["2026-06"]);
    expect(june.periodNotes).toEqual(['"juni" dibaca Juni 2026']);
    // December has not come yet this year: the last one was in 2025.
    expect(periodsOf("umkm go digital desember")).toEqual(["2025-12"]);
    expect(periodsOf("as of november, how many msme")).toEqual(["2026-11"]);
  });

  it("gives a month without a year the year said next to it", () => {
    expect(periodsOf("umkm go digital maret dan juni 2023")).toEqual(["2023-03", "2023-06"]);
    expect(understand("umkm go digital maret dan juni 2023").periodNotes).toEqual([]);
  });
});

describe("a range of months from January", () => {
  it.each([
    ["kur nasional jan-okt 2024 brp", ["2024-10"]],
    ["kur jatim januari sampai maret 2024", ["2024-Q1"]],
    ["penyaluran kur jan-des 2023", ["2023"]],
    ["ekspor umkm 2 thn lalu jan-juli brp", ["2024-07"]],
    ["umkm jabar maret vs juni 2023", ["2023-03", "2023-06"]],
  ])("%s is about %j", (q, periods) => {
    expect(periodsOf(q)).toEqual(periods);
  });
});

describe("semesters and quarters", () => {
  it.each([
    ["umkm go digital semester 1 2021", "2021-S1"],
    ["umkm go digital semester I 2021", "2021-S1"],
    ["data umkm semester II thn 2022", "2022-S2"],
    ["umkm go digital smt 2 22", "2022-S2"],
    ["umkm go digital paruh pertama 2021", "2021-S1"],
    ["umkm go digital first half of 2023", "2023-S1"],
    ["umkm go digital q1 23", "2023-Q1"],
    ["umkm go digital kuartal 1 thn 23", "2023-Q1"],
    ["umkm go digital triwulan pertama 2023", "2023-Q1"],
    ["umkm go digital tw 2 2022", "2022-Q2"],
    ["umkm go digital triwulan ke-3 2024", "2024-Q3"],
    ["umkm go digital kuartal 2 tahun lalu", "2025-Q2"],
  ])("%s is about %s", (q, period) => {
    expect(periodsOf(q)).toEqual([period]);
  });

  it("answers a semester with the figures inside it", () => {
    const a = answer(k, "umkm go digital semester 1 2023", { today: TODAY });
    expect(a.text).toMatch(/^22,8 juta — UMKM go digital nasional, per Juni 2023/);
    expect(a.text).not.toContain("27 juta");
  });
});

describe("start and end of a year", () => {
  it.each([
    ["umkm go digital awal 2019", "2019"],
    ["umkm go digital awal tahun 2019", "2019"],
    ["jumlah umkm ntt akhir 2019", "2019-12"],
    ["jumlah umkm ntt akhir tahun 2019", "2019-12"],
    ["umkm ntt per akhir 2019 ada brp", "2019-12"],
    ["umkm go digital akhir tahun lalu", "2025-12"],
    ["umkm go digital awal tahun ini", "2026"],
    ["msme at the end of 2022", "2022-12"],
  ])("%s is about %s", (q, period) => {
    expect(periodsOf(q)).toEqual([period]);
  });

  it("answers the end of a year with the figure of its last days", () => {
    const a = answer(k, "umkm go digital per akhir 2023", { today: TODAY });
    expect(a.text).toMatch(/^27 juta — UMKM go digital nasional, per 4 Desember 2023/);
    expect(a.text).toContain('"akhir 2023" dibaca Desember 2023');
  });
});

describe("time relative to today", () => {
  it.each([
    ["umkm go digital 2 tahun lalu", "2024"],
    ["umkm go digital dua tahun lalu", "2024"],
    ["umkm go digital 3 thn lalu", "2023"],
    ["umkm go digital tiga tahun yang lalu", "2023"],
    ["umkm go digital setahun lalu", "2025"],
    ["umkm go digital tahun lalu", "2025"],
    ["umkm go digital tahun kemarin", "2025"],
    ["target umkm go digital tahun depan", "2027"],
    ["umkm go digital bulan lalu", "2026-10"],
    ["umkm go digital bulan kemarin", "2026-10"],
    ["umkm go digital bulan ini", "2026-11"],
    ["umkm go digital tahun ini", "2026"],
    ["msme go digital last year", "2025"],
    ["msme go digital this year", "2026"],
    ["msme target next year", "2027"],
    ["msme go digital 2 years ago", "2024"],
    ["msme go digital last month", "2026-10"],
  ])("%s is about %s", (q, period) => {
    expect(periodsOf(q)).toEqual([period]);
  });

  it("counts from the day it is given, never from the clock", () => {
    const earlier = new Date("2024-02-10T09:00:00Z");
    expect(k.understand("umkm go digital 2 tahun lalu", earlier).periods).toEqual(["2022"]);
    expect(k.understand("umkm go digital bulan lalu", earlier).periods).toEqual(["2024-01"]);
    expect(k.understand("umkm go digital bulan lalu", new Date("2024-01-15")).periods).toEqual([
      "2023-12",
    ]);
  });

  it("says how it read a relative time, and the answer says it too", () => {
    expect(understand("umkm go digital 3 tahun lalu").periodNotes).toEqual([
      '"3 tahun lalu" dibaca 2023',
    ]);
    const a = answer(k, "berapa umkm go digital tiga tahun lalu", { today: TODAY });
    expect(a.text).toMatch(/^27 juta — UMKM go digital nasional, per 4 Desember 2023/);
    expect(a.assumed).toContain('"tiga tahun lalu" dibaca 2023');
  });

  it("still reads 'saat ini', 'skrg' and 'terbaru' as the latest figure", () => {
    for (const q of ["umkm go digital skrg brp", "umkm go digital terbaru", "latest msme data"]) {
      expect(understand(q).latest).toBe(true);
      expect(understand(q).periods).toEqual([]);
    }
  });
});

describe("periods in articles", () => {
  const find = makePeriodFinder(k.lexicon.time, { shortYears: false });
  const periodsIn = (text: string, published: string) =>
    find(foldKeepingPositions(text), referenceOf(published)).flatMap((m) =>
      m.kind === "period" ? [m.period] : [],
    );

  it("never reads a number after a month as a two-digit year", () => {
    expect(
      periodsIn("Hingga Juni, 23 persen pelaku usaha sudah berjualan daring.", "2023-09-01"),
    ).toEqual([]);
  });

  it("reads semesters, year ends and counted years against the article's date", () => {
    expect(periodsIn("pada semester I 2021 tercatat", "2021-08-02")).toEqual(["2021-S1"]);
    expect(periodsIn("per akhir 2019 jumlahnya", "2020-03")).toEqual(["2019-12"]);
    expect(periodsIn("dua tahun lalu baru separuhnya", "2023-05-01")).toEqual(["2021"]);
    // "Maret lalu" in December is the March just gone, not the year before's.
    expect(periodsIn("sejak Maret lalu", "2023-12-04")).toEqual(["2023-03"]);
  });
});
