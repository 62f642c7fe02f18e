import { describe, expect, it } from "vitest";
import { answer } from "../src/answer/answer";
import type { Query } from "../src/understand/query";
import { seedKnowledge, TODAY } from "./helpers/knowledge";

const k = seedKnowledge();
const ask = (q: string, previous?: Query) => answer(k, q, { today: TODAY, previous });

describe("answers with their sources", () => {
  it("puts the headline number first, then what it is, then outlet and date", () => {
    const a = ask("berapa UMKM go digital 2023?");
    expect(a.text.split("\n")[0]).toBe(
      "27 juta — UMKM go digital nasional, per 4 Desember 2023 (Bisnis.com, 4 Desember 2023)",
    );
  });

  it("gives earlier points of the asked year in one line, and that year's target", () => {
    const a = ask("berapa UMKM go digital 2023?");
    expect(a.text).toContain(
      "Sebelumnya: 22,8 juta (Juni 2023; Bisnis.com, 4 Desember 2023) · 22 juta (Maret 2023",
    );
    expect(a.text).toContain("Target: sekitar 24,5 juta untuk 2023 (ANTARA News Bali, 2022)");
    expect(a.text).not.toContain("18,5 juta");
  });

  it("says what it assumed when the question left it out", () => {
    expect(ask("berapa UMKM go digital 2023?").assumed).toEqual(["nasional"]);
    expect(ask("jabar umkm ada brp").assumed).toEqual(["jumlah UMKM", "data terbaru"]);
    expect(ask("jabar umkm ada brp").text).toContain("Asumsi: jumlah UMKM; data terbaru.");
  });

  it("answers a percentage about a count with the share", () => {
    const a = ask("brp persen umkm lampung yg udh digital");
    expect(a.text).toMatch(
      /^70 persen — persentase UMKM yang sudah go digital di Lampung, tahun 2023 \(ANTARA, 2023\)/,
    );
  });

  it("calls a target a target and works out the gap, marked as computed", () => {
    const a = ask("target umkm go digital 2024");
    expect(a.text).toMatch(/^30 juta — target UMKM go digital nasional \(2024\)/);
    expect(a.text).toContain(
      "Kurang 3 juta lagi dari target (dihitung: 30 juta (2024) − 27 juta (4 Desember 2023)).",
    );
    expect(a.text).toContain(
      "Tercapai sekitar 90 persen dari target (dihitung: 27 juta (4 Desember 2023) ÷ 30 juta (target 2024)).",
    );
  });

  it("says when a target was passed", () => {
    expect(ask("target umkm go digital 2023").text).toContain(
      "Target terlampaui, lebih 2,5 juta (dihitung: 27 juta (4 Desember 2023) − 24,5 juta (2023)).",
    );
  });

  it("marks a figure computed from others and names what it came from", () => {
    const share = ask("berapa persen umkm jabar yang sudah go digital");
    expect(share.text).toContain("21 persen");
    expect(share.text).toContain("dihitung: 100 − 79 persen");
    expect(share.text).toContain("Republika, 21 September 2022");
    const count = ask("umkm lampung yg udh go digital brp");
    expect(count.text).toMatch(/^sekitar 191 ribu — UMKM go digital di Lampung/);
    expect(count.text).toContain("dihitung: 70 persen × 273.457");
  });
});

describe("no data", () => {
  it("says so and names the regions that have it, with no number of theirs", () => {
    const a = ask("jumlah umkm bali berapa");
    expect(a.outcome).toBe("no_data");
    expect(a.text).toMatch(/^Belum ada data jumlah UMKM di Bali\./);
    expect(a.text).toContain("Lampung");
    expect(a.text).not.toMatch(/\d/);
  });

  it("answers a city as itself, never with its province's figure as if it were the city's", () => {
    const a = ask("umkm surabaya");
    expect(a.outcome).toBe("no_data");
    expect(a.text).toMatch(/^Belum ada data jumlah UMKM di Kota Surabaya\./);
    const lampung = ask("umkm bandar lampung brp");
    expect(lampung.text).toMatch(/^Belum ada data jumlah UMKM di Kota Bandar Lampung\./);
    expect(lampung.text).toContain(
      "Angka Provinsi Lampung (bukan angka Kota Bandar Lampung): 326.505 unit",
    );
  });

  it("says which years there are instead of another year's figure", () => {
    const a = ask("umkm go digital 2019");
    expect(a.outcome).toBe("no_data");
    expect(a.text).toContain("Belum ada data UMKM go digital nasional untuk 2019");
    expect(a.text).not.toContain("juta —");
  });

  it("does not give a target as a realisation", () => {
    const a = ask("umkm go digital 2024");
    expect(a.text).toMatch(/^Belum ada angka realisasi UMKM go digital nasional untuk 2024\./);
    expect(a.text).toContain("Target: 30 juta untuk 2024");
  });

  it("gives the one place's figure for a measure only it has, saying whose it is", () => {
    const a = ask("berapa jumlah usaha mikro");
    expect(a.text).toMatch(/^311\.844 unit — jumlah usaha mikro di Lampung/);
    expect(a.text).not.toContain("nasional");
    expect(a.assumed).toContain("hanya ada data untuk Lampung");
  });
});

describe("conversation", () => {
  it("builds a follow-up on the previous question", () => {
    const first = ask("berapa UMKM go digital 2023?");
    const next = ask("kalau tahun 2022?", first.query);
    expect(next.text).toMatch(/^18,5 juta — UMKM go digital nasional, per Mei 2022/);
    const jabar = ask("jabar umkm ada brp");
    const lampung = ask("kalau lampung?", jabar.query);
    expect(lampung.text).toMatch(/^326\.505 unit — jumlah UMKM di Lampung/);
  });

  it("asks back which province 'jawa' means", () => {
    const a = ask("umkm jawa berapa");
    expect(a.outcome).toBe("ambiguous");
    expect(a.choices.map((c) => c.label)).toEqual(["Jawa Barat", "Jawa Tengah", "Jawa Timur"]);
  });

  it("compares regions line by line, noting different times", () => {
    const a = ask("bandingkan jumlah umkm jabar dan lampung");
    expect(a.text).toContain("• 4,6 juta — jumlah UMKM di Jawa Barat");
    expect(a.text).toContain("• 326.505 unit — jumlah UMKM di Lampung");
    expect(a.text).toContain("waktu yang berbeda");
  });

  it("lists a trend with every point and its source, and carries the series for a chart", () => {
    const a = ask("perkembangan umkm go digital");
    expect(a.text).toContain("• 2021: 17,28 juta (ANTARA, 2023)");
    expect(a.text).toContain("• 4 Desember 2023: 27 juta (Bisnis.com, 4 Desember 2023)");
    expect(a.series?.facts.length).toBeGreaterThanOrEqual(5);
  });

  it("tells where a number comes from, with the sentence", () => {
    const a = ask("angka 27 juta itu sumbernya dari mana");
    expect(a.intent).toBe("source");
    expect(a.text).toContain("Bisnis.com, 4 Desember 2023");
    expect(a.text).toContain("27 juta UMKM telah go digital");
  });

  it("works out the change between two times of one region, marked as computed", () => {
    const a = ask("umkm go digital maret vs juni 2023");
    expect(a.text).toContain("• 22 juta — UMKM go digital nasional, per Maret 2023");
    expect(a.text).toContain(
      "Selisih: naik 800 ribu dari Maret 2023 ke Juni 2023 (dihitung: 22,8 juta (Juni 2023) − 22 juta (Maret 2023)).",
    );
  });

  it("says a measure no article gives is not there, with no total in its place", () => {
    const a = ask("jumlah umkm yg impor di lampung");
    expect(a.outcome).toBe("no_data");
    expect(a.text).toMatch(/^Belum ada data impor untuk Lampung/);
    expect(a.text).not.toMatch(/\d/);
  });

  it("answers greetings, thanks and junk with help, and off-topic with what it does", () => {
    expect(ask("halo").outcome).toBe("help");
    expect(ask("").outcome).toBe("help");
    expect(ask("???").outcome).toBe("help");
    const off = ask("resep rendang padang");
    expect(off.outcome).toBe("out_of_scope");
    expect(off.text.split("\n")).toHaveLength(1);
  });
});
