import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogReply, sourcesReply } from "../src/answer/catalog";
import { readDataSettings } from "../src/config";
import { loadKnowledge } from "../src/knowledge/knowledge";
import { dataPaths, projectRoot } from "../src/paths";

// The five articles written for the conversation tests: regencies, KUR, exports, go digital.
const TALK = join(projectRoot(), "tests", "fixtures", "talk");
const k = loadKnowledge({ ...dataPaths(readDataSettings({})), seedsDir: TALK });

describe("/data: what can be asked", () => {
  const text = catalogReply(k);

  it("names regencies and cities at their own level, beside their province", () => {
    expect(text).toMatch(/Sulawesi Selatan \d{4}/);
    expect(text).toMatch(/Kota Makassar \d{4}/);
  });

  it("lists KUR and exports where the articles give them, and the measures in their own words", () => {
    expect(text).toContain("penyaluran KUR: Kabupaten Tegal 2022–2023; Kota Tegal 2023");
    expect(text).toContain("nilai ekspor UMKM: Jawa Timur 2022–2023");
    expect(text).toMatch(/^Ukuran lain dari berita: .+\.$/m);
  });

  it("never says a city takes its province's figure", () => {
    expect(text).not.toMatch(/memakai angka provinsi/);
    expect(text).toContain("angka provinsi tidak dipakai untuk kotanya");
  });
});

describe("/sumber: where the figures come from", () => {
  it("counts the articles and figures and lists every article with its outlet", () => {
    const text = sourcesReply(k);
    expect(text).toMatch(/^Sumber data: 5 berita, \d+ angka\./);
    for (const outlet of ["Celebes Pos", "Suara Pantura", "Khatulistiwa News", "Surya Niaga"])
      expect(text).toContain(outlet);
  });
});
