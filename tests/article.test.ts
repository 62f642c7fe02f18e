import { describe, expect, it } from "vitest";
import { parseArticle } from "../src/seeds/article";
import { dataFileErrorOf } from "./helpers/knowledge";

const article = (front: string, body = "Jumlah UMKM di Bali mencapai 10.000 unit.") =>
  `---\n${front}\n---\n${body}`;
const errorOf = (text: string) => dataFileErrorOf(() => parseArticle(text, "articles/x.txt", "x"));

describe("article front matter", () => {
  it("reads outlet, date, title and url, and keeps the body as given", () => {
    const a = parseArticle(
      article("outlet: ANTARA\npublished: 2023-12\ntitle: Judul\nurl: https://example.org/a"),
      "articles/x.txt",
      "x",
    );
    expect(a).toMatchObject({
      outlet: "ANTARA",
      published: "2023-12",
      title: "Judul",
      url: "https://example.org/a",
    });
    expect(a.body).toBe("Jumlah UMKM di Bali mencapai 10.000 unit.");
  });

  it("names the file, field and line of a missing outlet", () => {
    const e = errorOf(article("published: 2023\ntitle: Judul"));
    expect(e.file).toBe("articles/x.txt");
    expect(e.field).toBe("outlet");
    expect(e.message).toMatch(/articles\/x\.txt: outlet: required/);
  });

  it("refuses an impossible date, with the line it is on", () => {
    const e = errorOf(article("outlet: ANTARA\npublished: 2023-02-30\ntitle: Judul"));
    expect(e.field).toBe("published");
    expect(e.line).toBe(3);
    expect(e.message).toContain("2023-02-30");
  });

  it("refuses a date that is not YYYY, YYYY-MM or YYYY-MM-DD", () => {
    expect(errorOf(article("outlet: A\npublished: 4 Desember 2023\ntitle: T")).field).toBe(
      "published",
    );
  });

  it("refuses an empty body", () => {
    expect(errorOf(article("outlet: A\npublished: 2023\ntitle: T", "\n  \n")).field).toBe("body");
  });

  it("refuses a file with no front matter and unknown fields", () => {
    expect(errorOf("Jumlah UMKM 10.000 unit.").field).toBe("front matter");
    expect(errorOf(article("outlet: A\npublished: 2023\ntitle: T\npenulis: X")).field).toBe(
      "penulis",
    );
  });
});
