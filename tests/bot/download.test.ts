import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factsCsv } from "../../src/table-export/csv";
import { seedKnowledge } from "../helpers/knowledge";
import { person } from "./chat";
import { GROUP, OFFICER, PRIVATE, type Running, startBot } from "./harness";

/** RFC 4180, enough to check what the bot wrote: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("anyone takes the fact table away as CSV", () => {
  let r: Running;
  beforeAll(async () => {
    r = await startBot({ env: { RATE_LIMIT_PER_MINUTE: "1000" } });
  });
  afterAll(() => r.stop());

  /** The document as Telegram serves it: getFile, then the file download path. */
  async function download(message: Message): Promise<Buffer> {
    const api = `${r.fake.apiRoot}/bot${r.fake.token}`;
    const file = (await (
      await fetch(`${api}/getFile?file_id=${message.document?.file_id}`)
    ).json()) as { result: { file_path: string } };
    const res = await fetch(`${r.fake.apiRoot}/file/bot${r.fake.token}/${file.result.file_path}`);
    return Buffer.from(await res.arrayBuffer());
  }

  it("sends every fact, one row each, UTF-8 with a BOM, with outlet, date, url and quote", async () => {
    const doc = await person(r, PRIVATE, OFFICER).say("/unduh", "sendDocument");
    const k = seedKnowledge();
    expect(doc.document?.file_name).toMatch(/^fakta-umkm-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(doc.caption).toBe(
      `${k.table.facts.length} fakta dari 5 artikel: satu baris per fakta, dengan media, tanggal, tautan dan kutipannya.`,
    );
    const bytes = await download(doc);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toBe(factsCsv(k.table.facts, k.table));
    const [header, ...rows] = parseCsv(bytes.toString("utf8").slice(1));
    expect(header).toEqual(expect.arrayContaining(["media", "tanggal_terbit", "url", "kutipan"]));
    expect(rows).toHaveLength(k.table.facts.length);
    for (const row of rows) expect(row).toHaveLength(header?.length ?? 0);
    const cell = (row: string[], name: string) => row[header?.indexOf(name) ?? -1];
    const first = rows.find((row) => cell(row, "tertulis") === "27 juta") as string[];
    expect(cell(first, "media")).toBe("Bisnis.com");
    expect(cell(first, "tanggal_terbit")).toBe("2023-12-04");
    expect(cell(first, "nilai")).toBe("27000000");
    // A quote with commas and quotation marks survives as one cell, verbatim.
    const quoted = rows.find((row) => String(cell(row, "kutipan")).includes('"')) as string[];
    expect(
      k.table.facts.some((f) => f.quote.replace(/\s+/g, " ").trim() === cell(quoted, "kutipan")),
    ).toBe(true);
  });

  it("takes a region or a measure in a question's words, in groups too", async () => {
    const doc = await person(r, GROUP, OFFICER).say(
      `/unduh@${r.fake.botUser.username} lampung`,
      "sendDocument",
    );
    expect(doc.caption).toMatch(/^\d+ fakta dari 2 artikel \(Lampung\)/);
    const [header, ...rows] = parseCsv((await download(doc)).toString("utf8").slice(1));
    const region = header?.indexOf("kode_wilayah") ?? -1;
    expect(new Set(rows.map((row) => row[region]))).toEqual(new Set(["lampung"]));

    const digital = await person(r, PRIVATE, OFFICER).say("/unduh go digital", "sendDocument");
    expect(digital.caption).toMatch(/ \(UMKM go digital\):/);
    expect((await person(r, PRIVATE, OFFICER).say("/unduh jatim")).text).toBe(
      "Belum ada fakta untuk Jawa Timur.",
    );
    expect((await person(r, PRIVATE, OFFICER).say("/unduh xyzzy")).text).toBe(
      '"xyzzy" tidak dikenali sebagai wilayah atau data. Contoh: jatim, go digital, kur lampung.',
    );
  });
});
