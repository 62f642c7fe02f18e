import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Fact } from "../src/facts/fact-schema";
import { readDate } from "../src/ingest/date-input";
import { draftFromText, missingField } from "../src/ingest/draft";
import { findDuplicate, sameUrlKey } from "../src/ingest/duplicates";
import { fetchPage } from "../src/ingest/fetch-page";
import { addressProblem } from "../src/ingest/public-address";
import { readPage } from "../src/ingest/read-page";
import { articleText, parseArticle } from "../src/seeds/article";
import { FileSubscriptions } from "../src/subscriptions/file-subscriptions";
import { factsCsv } from "../src/table-export/csv";
import { seedKnowledge } from "./helpers/knowledge";
import { type NewsSite, PLAIN_TEXT_ARTICLE, startNewsSite } from "./helpers/news-site";

describe("links reach only the public internet", () => {
  it("refuses loopback unless the tests allow it, and private and link-local always", () => {
    const cases: [string, string | undefined, string | undefined][] = [
      ["127.0.0.1", "alamat komputer ini sendiri", undefined],
      ["127.8.9.10", "alamat komputer ini sendiri", undefined],
      ["::1", "alamat komputer ini sendiri", undefined],
      ["::ffff:127.0.0.1", "alamat komputer ini sendiri", undefined],
      ["10.1.2.3", "alamat jaringan lokal atau privat", "alamat jaringan lokal atau privat"],
      ["192.168.1.1", "alamat jaringan lokal atau privat", "alamat jaringan lokal atau privat"],
      ["169.254.169.254", "alamat jaringan lokal atau privat", "alamat jaringan lokal atau privat"],
      ["::ffff:10.0.0.1", "alamat jaringan lokal atau privat", "alamat jaringan lokal atau privat"],
      ["fe80::1", "alamat jaringan lokal atau privat", "alamat jaringan lokal atau privat"],
      ["fd12:3456::1", "alamat jaringan lokal atau privat", "alamat jaringan lokal atau privat"],
      ["0.0.0.0", "alamat jaringan lokal atau privat", "alamat jaringan lokal atau privat"],
      ["36.86.63.182", undefined, undefined],
      ["2001:4860:4860::8888", undefined, undefined],
    ];
    for (const [address, strict, tests] of cases) {
      expect([address, addressProblem(address, false)]).toEqual([address, strict]);
      expect([address, addressProblem(address, true)]).toEqual([address, tests]);
    }
  });

  describe("fetching", () => {
    let site: NewsSite;
    beforeAll(async () => {
      site = await startNewsSite();
    });
    afterAll(() => site.close());
    const strict = { timeoutMs: 2000, maxBytes: 1_000_000, allowLoopback: false };
    const tests = { ...strict, allowLoopback: true };

    it("resolves a name and checks its addresses before connecting", async () => {
      const port = new URL(site.url("/")).port;
      const hits = site.hits.length;
      for (const host of ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]"])
        await expect(fetchPage(`http://${host}:${port}/berita/umkm-jatim`, strict)).rejects.toThrow(
          /mengarah ke alamat komputer ini sendiri; tidak dibuka$/,
        );
      // Refused before a byte was sent.
      expect(site.hits.length).toBe(hits);
    });

    it("follows redirects, checking each, and takes HTML or plain text", async () => {
      const page = await fetchPage(site.url("/pindah"), tests);
      expect(page).toMatchObject({ url: site.url("/berita/umkm-jatim"), kind: "html" });
      expect(await fetchPage(site.url("/cetak/umkm-ntt"), tests)).toMatchObject({
        kind: "text",
        body: PLAIN_TEXT_ARTICLE,
      });
      await expect(fetchPage(site.url("/tidak-ada"), tests)).rejects.toThrow(
        "halaman menjawab dengan kode 404",
      );
    });
  });
});

describe("reading a page", () => {
  it("takes the date from JSON-LD when the page has no article:published_time", () => {
    const paragraph = (n: number) =>
      `<p>Paragraf ${n}: jumlah UMKM di Jawa Timur mencapai 2,58 juta unit per Mei 2024 menurut pendataan terbaru pemerintah provinsi yang dilakukan bersama perangkat desa di seluruh kabupaten.</p>`;
    const html = `<html><head><title>Judul dari title</title>
      <script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","datePublished":"2024-06-09T23:00:00+07:00"}]}</script>
      </head><body><article>${[1, 2, 3].map(paragraph).join("")}</article></body></html>`;
    expect(readPage(html, "https://www.kabar.example/x")).toMatchObject({
      host: "kabar.example",
      published: "2024-06-09",
      title: "Judul dari title",
    });
  });

  it("finds no article in an index page", () => {
    const html = readFileSync(join(__dirname, "fixtures", "news-site", "indeks.html"), "utf8");
    expect(readPage(html, "https://kabar.example/indeks")).toBeUndefined();
  });
});

describe("drafts", () => {
  it("keeps the front matter it can use, a date as people write it too, and asks for the rest", () => {
    const d = draftFromText("---\noutlet: Kabar Uji\npublished: 6 Mei 2024\n---\nIsi berita.\n");
    expect(d).toMatchObject({ outlet: "Kabar Uji", published: "2024-05-06", body: "Isi berita." });
    expect(missingField(d)).toBe("title");
  });

  it("suggests the outlet from a dateline and a first line that reads as a headline", () => {
    const d = draftFromText("UMKM naik kelas\n\nKabarku.com, JAKARTA - Jumlah UMKM bertambah.");
    expect(d.suggest).toEqual({ outlet: "Kabarku.com", title: "UMKM naik kelas" });
  });

  it("reads dates as admins type them", () => {
    expect(
      [
        "2024-05-06",
        "6 Mei 2024",
        "6 mei 2024",
        "Mei 2024",
        "6/5/2024",
        "2024",
        "6 Agt 2024",
        "31/2/2024",
        "besok",
      ].map(readDate),
    ).toEqual([
      "2024-05-06",
      "2024-05-06",
      "2024-05-06",
      "2024-05",
      "2024-05-06",
      "2024",
      "2024-08-06",
      undefined,
      undefined,
    ]);
  });

  it("writes front matter the article reader reads back, quotes and all", () => {
    const front = {
      outlet: "Kabar: Uji",
      published: "2024-05-06",
      title: '"Kami siap," kata menteri',
      url: "https://kabar.example/a",
    };
    const text = articleText({ ...front, title: '"Kami siap"' }, "Isi.");
    expect(parseArticle(text, "x.txt", "x")).toMatchObject({
      title: '"Kami siap"',
      body: "Isi.\n",
    });
    expect(parseArticle(articleText(front, "Isi."), "x.txt", "x")).toMatchObject(front);
  });

  it("knows a page by its address, whatever tracking it carries, and a copy by its text", () => {
    expect(sameUrlKey("https://www.kabar.example/a/?utm_source=wa#atas")).toBe(
      sameUrlKey("http://kabar.example/a"),
    );
    const [article] = seedKnowledge().table.articles;
    expect(
      findDuplicate({ body: `Tambahan di awal.\n${article?.body}` }, seedKnowledge().table.articles)
        ?.by,
    ).toBe("text");
    expect(
      findDuplicate(
        { body: "Berita lain sama sekali tentang koperasi." },
        seedKnowledge().table.articles,
      ),
    ).toBeUndefined();
  });
});

describe("the CSV", () => {
  it("keeps text that looks like a formula as text", () => {
    const k = seedKnowledge();
    const fact = {
      ...(k.table.facts[0] as Fact),
      quote: '=HYPERLINK("http://x")',
      measure: "+1, katanya",
    };
    const [, row] = factsCsv([fact], k.table).split("\r\n");
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(row).toContain(`"'+1, katanya"`);
  });
});

describe("subscriptions in a file", () => {
  it("keeps every change made at once, and never empties a file it cannot read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "umkm-subs-"));
    const store = new FileSubscriptions(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.add(i)));
    expect((await new FileSubscriptions(dir).list()).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
    writeFileSync(join(dir, "subscriptions.json"), "{rusak");
    await expect(new FileSubscriptions(dir).add(99)).rejects.toThrow();
    expect(readFileSync(join(dir, "subscriptions.json"), "utf8")).toBe("{rusak");
  });
});
