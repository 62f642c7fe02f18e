import { describe, expect, it } from "vitest";
import { answer } from "../src/answer/answer";
import { makeNormalizer, vocabularyOf } from "../src/understand/normalize";
import { seedKnowledge, TODAY } from "./helpers/knowledge";

const k = seedKnowledge();
const understand = (q: string) => k.understand(q, TODAY);
const normalize = makeNormalizer(k.lexicon, vocabularyOf(k.lexicon));

describe("normalisation", () => {
  it("folds case and punctuation and shrinks stretched letters", () => {
    expect(normalize("Berapaaa UMKM go-digital???")).toEqual(["berapa", "umkm", "go", "digital"]);
  });

  it("replaces informal spellings", () => {
    expect(normalize("brp persen umkm yg udh digital thn 2023 min")).toEqual([
      "berapa",
      "persen",
      "umkm",
      "yang",
      "sudah",
      "digital",
      "tahun",
      "2023",
      "admin",
    ]);
    expect(normalize("gmn jml umkm blm digital utk jabar, gak tau sih")).toContain("belum");
  });

  it("splits -nya from words it knows, and does not stem", () => {
    expect(normalize("umkmnya berapa")).toEqual(["umkm", "nya", "berapa"]);
    expect(normalize("nasionalnya?")).toEqual(["nasional", "nya"]);
    expect(normalize("usaha menengah")).toEqual(["usaha", "menengah"]);
    expect(normalize("pelaku usaha")).toEqual(["pelaku", "usaha"]);
  });
});

describe("places", () => {
  it.each([
    ["umkm jabar", "jawa_barat"],
    ["umkm jawa barat", "jawa_barat"],
    ["umkm jateng", "jawa_tengah"],
    ["umkm diy", "di_yogyakarta"],
    ["umkm jogja", "di_yogyakarta"],
    ["umkm dki", "dki_jakarta"],
    ["umkm kepri", "kepulauan_riau"],
    ["umkm babel", "kepulauan_bangka_belitung"],
    ["umkm sumut", "sumatera_utara"],
    ["umkm sulsel", "sulawesi_selatan"],
    ["umkm ntt", "nusa_tenggara_timur"],
    ["umkm se-indonesia", "nasional"],
    ["umkm lampng", "lampung"],
    ["umkm jawa brat", "jawa_barat"],
  ])("%s is %s", (q, region) => {
    expect(understand(q).regions).toEqual([region]);
  });

  it.each([
    ["umkm bandar lampung", "kota_bandar_lampung"],
    ["umkm surabaya", "kota_surabaya"],
    ["umkm makassar", "kota_makassar"],
    ["umkm denpasar", "kota_denpasar"],
    ["kak, jumlah umkm di kabupaten sleman ada berapa ya?", "kabupaten_sleman"],
    ["umkm kab. bantul", "kabupaten_bantul"],
  ])("%s is the city or regency itself, not its province", (q, region) => {
    expect(understand(q).regions).toEqual([region]);
  });

  it("leaves a name a regency and a city share to the answer, with both", () => {
    expect(understand("umkm bogor brp").ambiguous?.candidates).toEqual([
      "kabupaten_bogor",
      "kota_bogor",
    ]);
    expect(understand("umkm kota bogor brp").regions).toEqual(["kota_bogor"]);
  });

  it("asks back for a name several provinces share, one word or two", () => {
    expect(understand("umkm nusa tenggara").ambiguous?.candidates).toEqual([
      "nusa_tenggara_barat",
      "nusa_tenggara_timur",
    ]);
    expect(understand("umkm ntb").regions).toEqual(["nusa_tenggara_barat"]);
  });

  it.each([
    ["brp umkm yg ditargetkan hingga desember 2023", "hingga"],
    ["umkm binaan dinas lampung", "binaan"],
    ["berapa tenaga kerja umkm", "tenaga"],
  ])("does not read an ordinary word as a place: %s", (q) => {
    expect(understand(q).guessed).toEqual([]);
  });

  it("reads a dropped letter in a city as that city", () => {
    expect(understand("umkm bandug").ambiguous?.candidates).toEqual([
      "kabupaten_bandung",
      "kota_bandung",
    ]);
    expect(understand("umkm surabya").regions).toEqual(["kota_surabaya"]);
  });

  it("asks back for 'jawa' alone", () => {
    const q = understand("umkm jawa berapa");
    expect(q.regions).toEqual([]);
    expect(q.ambiguous?.candidates).toEqual(["jawa_barat", "jawa_tengah", "jawa_timur"]);
  });

  it.each([
    "sumber datanya apa",
    "ada bantuan untuk umkm",
    "umkm bagian barat",
    "sumbernya dari mana",
  ])("finds no place in '%s'", (q) => {
    expect(understand(q).regions).toEqual([]);
  });
});

describe("metrics", () => {
  it.each([
    ["berapa umkm go digital", "umkm_go_digital"],
    ["umkm go online berapa", "umkm_go_digital"],
    ["umkm yang terdigitalisasi", "umkm_go_digital"],
    ["umkm onboarding platform digital", "umkm_go_digital"],
    ["umkm masuk ekosistem digital", "umkm_go_digital"],
    ["umkm masuk pasar daring", "umkm_go_digital"],
    ["umkm melek digital", "umkm_go_digital"],
    ["umkm belum melek digital di jabar", "umkm_belum_digital_share"],
    ["jumlah usaha mikro lampung", "usaha_mikro"],
    ["usaha menengah di lampung", "usaha_menengah"],
    ["jumlah umkm mikro di sulut", "usaha_mikro"],
    ["brp umkm kecil lampung", "usaha_kecil"],
    ["pertumbuhan ekonomi lampung", "pertumbuhan_ekonomi"],
    ["umkm terdigitalsasi", "umkm_go_digital"],
  ])("%s asks for %s", (q, metric) => {
    expect(understand(q).metrics).toEqual([metric]);
  });

  it("asks for the narrower metric when both are named together, and for both with 'dan'", () => {
    expect(understand("jumlah umkm go digital 2023").metrics).toEqual(["umkm_go_digital"]);
    expect(understand("jumlah umkm dan umkm go digital").metrics).toEqual([
      "umkm_total",
      "umkm_go_digital",
    ]);
  });

  it("reads a negation as the share not yet digital", () => {
    expect(understand("umkm yg tdk digital di jabar").metrics).toEqual([
      "umkm_belum_digital_share",
    ]);
    expect(understand("umkm gak online").metrics).toEqual(["umkm_belum_digital_share"]);
  });

  it("notices a measure no article gives, even beside the total", () => {
    expect(understand("impor umkm indonesia").unsupported).toBe("impor");
    expect(understand("jumlah umkm yg impor di lampung").unsupported).toBe("impor");
    expect(understand("data dinas koperasi lampung umkm nya brp").unsupported).toBeUndefined();
  });

  it("leaves the metric open when the question names none", () => {
    expect(understand("jabar umkm ada brp").metrics).toEqual([]);
  });
});

describe("time", () => {
  it.each([
    ["umkm go digital 2023", "2023"],
    ["umkm go digital maret 2023", "2023-03"],
    ["umkm go digital mar 2023", "2023-03"],
    ["pertumbuhan ekonomi lampung triwulan IV 2023", "2023-Q4"],
    ["pertumbuhan ekonomi q4 2023", "2023-Q4"],
    // The figure at the end of the year: a December period, which a fact of 31 December is in.
    ["umkm go digital akhir 2023", "2023-12"],
    ["umkm go digital tahun lalu", "2025"],
    ["umkm go digital thn ini", "2026"],
  ])("%s is about %s", (q, period) => {
    expect(understand(q).periods).toEqual([period]);
  });

  it("gives a month said without its year the nearest year, in the order said", () => {
    expect(understand("umkm go digital maret vs juni 2023").periods).toEqual([
      "2023-03",
      "2023-06",
    ]);
  });

  it("reads 'saat ini', 'sekarang' and 'terbaru' as the latest figure", () => {
    for (const q of [
      "umkm go digital saat ini",
      "umkm go digital skrg",
      "data terbaru umkm go digital",
    ]) {
      const u = understand(q);
      expect(u.latest).toBe(true);
      expect(u.periods).toEqual([]);
    }
  });
});

describe("intents", () => {
  it.each([
    ["berapa umkm go digital 2023", "statistic"],
    ["bandingkan umkm jabar dan lampung", "comparison"],
    ["umkm jabar vs lampung", "comparison"],
    ["perkembangan umkm go digital", "trend"],
    ["tren umkm go digital dari tahun ke tahun", "trend"],
    ["sumbernya dari mana", "source"],
    ["halo", "greeting"],
    ["selamat pagi min", "greeting"],
    ["makasih ya", "thanks"],
    ["bantuan", "help"],
    ["", "help"],
    ["cuaca jakarta besok gimana", "out_of_scope"],
    ["resep rendang", "out_of_scope"],
    ["halo min, umkm jabar berapa ya", "statistic"],
  ])("%s is %s", (q, intent) => {
    expect(understand(q).intent).toBe(intent);
  });
});

describe("the words a question adds", () => {
  it("are each kept once, however often the message repeats them", () => {
    const q = understand("mohon maaf mohon maaf, debitur kur mikro mohon maaf jabar berapa");
    expect(q.rest).toEqual(["maaf", "mikro"]);
    expect(new Set(q.restPhrases).size).toBe(q.restPhrases.length);
    expect(q.restPhrases).toContain("kur mikro");
  });
});

describe("asking where or when a figure came from", () => {
  it.each([
    "sumbernya media apa?",
    "diberitakan kapan?",
    "siapa yang menyampaikan?",
    "beritanya dari mana",
    "kata siapa tuh",
    "itu menurut siapa?",
    "link beritanya mana min",
    "kapan datanya?",
    "datanya kapan ya",
    "media mana yang nulis",
    "source?",
    "where is this from",
    "who said that",
    "according to whom?",
  ])("%s asks for the source", (q) => {
    expect(understand(q).intent).toBe("source");
  });

  it("answers a source question about the figure just given", () => {
    const first = answer(k, "brp persen umkm lampung yg udh digital", { today: TODAY });
    for (const q of ["diberitakan kapan?", "sumbernya media apa?", "siapa yang menyampaikan?"]) {
      const a = answer(k, q, { today: TODAY, previous: first.query });
      expect(a.intent).toBe("source");
      expect(a.text).toMatch(
        /^70 persen \(persentase UMKM yang sudah go digital di Lampung, 2023\) — sumbernya:/,
      );
      expect(a.text).toContain("ANTARA");
      expect(a.text).not.toContain("Bisnis.com");
    }
  });
});

describe("questions in English or half English", () => {
  it("reads the count, the place and the time", () => {
    const q = understand("what's the number of UMKM in NTT");
    expect([q.intent, q.regions, q.metrics]).toEqual([
      "statistic",
      ["nusa_tenggara_timur"],
      ["umkm_total"],
    ]);
    const west = understand("how many msme in west java 2023");
    expect([west.regions, west.periods]).toEqual([["jawa_barat"], ["2023"]]);
    expect(understand("as of june 2023 how many smes went digital")).toMatchObject({
      periods: ["2023-06"],
      metrics: ["umkm_go_digital"],
    });
  });

  it("reads a share, a target and the export measure", () => {
    const share = understand("umkm digital percentage lampung");
    expect([share.percent, share.regions]).toEqual([true, ["lampung"]]);
    expect(understand("msme go digital target 2024").target).toBe(true);
    expect(understand("msme exports 2022").metrics).toEqual(["ekspor_nilai"]);
    expect(understand("msme imports 2022").unsupported).toBe("impor");
  });

  it("answers them as it answers Indonesian", () => {
    const a = answer(k, "umkm digital percentage lampung", { today: TODAY });
    expect(a.text).toMatch(/^70 persen — persentase UMKM yang sudah go digital di Lampung/);
  });
});
