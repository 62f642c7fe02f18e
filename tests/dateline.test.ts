import { describe, expect, it } from "vitest";
import { findDateline } from "../src/extract/dateline";

describe("the place a story is filed from", () => {
  it.each([
    ["Kendari (ANTARA) - Dinas Koperasi mencatat", "Kendari"],
    ["TERNATE (Malut Pos): Jumlah UMKM naik", "TERNATE"],
    ["HARIANSULTRA.COM, KENDARI – Penyaluran KUR", "KENDARI"],
    ["RADARPALU.CO.ID - PALU. Pemerintah provinsi mencatat", "PALU"],
    ["Palu, Warta Celebes - Pemerintah provinsi mencatat", "Palu"],
    ["BANJARMASIN–Pertumbuhan ekonomi Kalsel", "BANJARMASIN"],
    ["TANJUNG SELOR - Dinas Koperasi Kaltara", "TANJUNG SELOR"],
    ["YOGYA—Jumlah UMKM di DIY", "YOGYA"],
  ])("%s", (sentence, place) => {
    expect(findDateline(sentence)?.place).toBe(place);
  });

  it("is no ordinary sentence with a dash or a comma", () => {
    expect(findDateline("Jumlah UMKM - yang terus naik - mencapai 20 ribu unit.")).toBeUndefined();
    expect(findDateline("Menurut dia, jumlah itu - kata dia - masih kecil.")).toBeUndefined();
    expect(findDateline("Di Kota Palu, UMKM terus tumbuh.")).toBeUndefined();
  });
});
