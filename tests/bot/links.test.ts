import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyOfSeeds } from "../helpers/knowledge";
import { nextReply, OFFICER, PRIVATE, type Running, startBot } from "./harness";

const JAMBI = `---
outlet: Jambi Hari Ini
published: 2024-02-19
title: UMKM Jambi tembus 190 ribu
url: https://jambi-hari-ini.example/umkm-2024
---
Jambi (Jambi Hari Ini) - Dinas Koperasi dan UKM Provinsi Jambi mencatat jumlah UMKM di Jambi mencapai 190.410 unit pada akhir 2023.
`;

describe("citations in Telegram", () => {
  let r: Running;
  beforeAll(async () => {
    const seeds = copyOfSeeds();
    writeFileSync(join(seeds, "articles", "006_jambi.txt"), JAMBI);
    r = await startBot({ seedsDir: seeds });
  });
  afterAll(() => r.stop());

  it("links the outlet in a citation to the article it comes from", async () => {
    const since = r.fake.calls.length;
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "umkm jambi ada brp" });
    const text = String((await nextReply(r.fake, PRIVATE.id, since)).params.text);
    expect(text).toContain(
      '(<a href="https://jambi-hari-ini.example/umkm-2024">Jambi Hari Ini</a>, 19 Februari 2024)',
    );
  });

  it("leaves a citation without an address as plain text", async () => {
    const since = r.fake.calls.length;
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "berapa UMKM go digital 2023?" });
    const text = String((await nextReply(r.fake, PRIVATE.id, since)).params.text);
    expect(text).toContain("(Bisnis.com, 4 Desember 2023)");
    expect(text).not.toContain("<a ");
  });
});
