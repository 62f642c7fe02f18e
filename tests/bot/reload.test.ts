import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyOfSeeds } from "../helpers/knowledge";
import { ADMIN, GROUP, nextReply, OFFICER, PRIVATE, type Running, startBot } from "./harness";

const BALI = `---
outlet: Kabar Bali
published: 2024-05-06
title: UMKM Bali makin digital
---
Denpasar (Kabar Bali) - Dinas Koperasi dan UKM Provinsi Bali mencatat jumlah UMKM di Bali mencapai 412.345 unit per April 2024. Dari jumlah itu, sekitar 62 persen sudah go digital.
`;

const ADMIN_CHAT = { id: ADMIN.id, type: "private" as const };

describe("admins reload the facts from the chat", () => {
  let r: Running;
  let seeds: string;
  beforeAll(async () => {
    seeds = copyOfSeeds();
    r = await startBot({ seedsDir: seeds, env: { RATE_LIMIT_PER_MINUTE: "1000" } });
  });
  afterAll(() => r.stop());

  const say = async (
    chat: { id: number; type: "private" | "supergroup" },
    from: { id: number },
    text: string,
  ) => {
    const since = r.fake.calls.length;
    r.fake.sendText({ chat, from, text });
    return String((await nextReply(r.fake, chat.id, since)).params.text);
  };

  it("answers a new region's figure after an admin adds its article and reloads", async () => {
    expect(await say(PRIVATE, OFFICER, "jumlah umkm bali berapa")).toContain("Belum ada data");
    writeFileSync(join(seeds, "articles", "005_kabar_bali.txt"), BALI);
    const reply = await say(ADMIN_CHAT, ADMIN, "/reload");
    expect(reply).toMatch(
      /^Data dimuat ulang: \+1 artikel \(Kabar Bali, 6 Mei 2024\), \+2 fakta, -0, ~0 \(\d+,\d\d detik\)/,
    );
    expect(await say(PRIVATE, OFFICER, "jumlah umkm bali berapa")).toContain(
      "412.345 unit — jumlah UMKM di Bali, per April 2024 (Kabar Bali, 6 Mei 2024)",
    );
  });

  it("refuses a malformed article, names the file and field, and keeps answering", async () => {
    writeFileSync(
      join(seeds, "articles", "006_rusak.txt"),
      "---\noutlet: Kabar X\npublished: 2024-13-01\ntitle: Rusak\n---\nIsi.\n",
    );
    const reply = await say(ADMIN_CHAT, ADMIN, "/reload");
    expect(reply).toContain("Gagal memuat ulang, data lama tetap dipakai.");
    expect(reply).toContain("articles/006_rusak.txt:3: published:");
    expect(await say(PRIVATE, OFFICER, "jumlah umkm bali berapa")).toContain("412.345 unit");
    expect(await say(PRIVATE, OFFICER, "berapa UMKM go digital 2023?")).toContain("27 juta");
    rmSync(join(seeds, "articles", "006_rusak.txt"));
  });

  it("refuses /reload from anyone not in ADMIN_IDS, group admins included", async () => {
    expect(await say(PRIVATE, OFFICER, "/reload")).toBe(
      "Maaf, perintah ini hanya untuk admin bot.",
    );
    expect(await say(GROUP, OFFICER, `/reload@${r.fake.botUser.username}`)).toBe(
      "Maaf, perintah ini hanya untuk admin bot.",
    );
    expect(await say(PRIVATE, OFFICER, "/status")).toBe(
      "Maaf, perintah ini hanya untuk admin bot.",
    );
  });

  it("shows admins the status and the questions it could not answer", async () => {
    await say(PRIVATE, OFFICER, "jumlah koperasi di papua");
    await say(PRIVATE, OFFICER, "jumlah koperasi di papua");
    const status = await say(ADMIN_CHAT, ADMIN, "/status");
    expect(status).toMatch(/^<b>Status: \d+ fakta dari 6 artikel\.<\/b>/);
    expect(status).toMatch(/tidak terjawab \d+ \(\d+%\)/);
    const open = await say(ADMIN_CHAT, ADMIN, "/belumterjawab");
    expect(open).toContain("2× &quot;jumlah koperasi di papua&quot; (no_data)");
  });

  it("answers 200 questions in flight during 20 reloads, each completely and correctly", async () => {
    const since = r.fake.calls.length;
    const askers = Array.from({ length: 200 }, (_, i) => ({
      id: 10_000 + i,
      type: "private" as const,
    }));
    askers.forEach((chat, i) => {
      r.fake.sendText({
        chat,
        from: { id: chat.id },
        text: i % 2 ? "berapa UMKM go digital 2023?" : "jumlah umkm bali berapa",
      });
      if (i % 10 === 0) r.fake.sendText({ chat: ADMIN_CHAT, from: ADMIN, text: "/reload" });
    });
    const replies = await Promise.all(
      askers.map((chat) => nextReply(r.fake, chat.id, since, "sendMessage")),
    );
    replies.forEach((call, i) => {
      const text = String(call.params.text);
      if (i % 2)
        expect(text).toMatch(
          /^<b>27 juta — UMKM go digital nasional, per 4 Desember 2023 \(Bisnis\.com, 4 Desember 2023\)<\/b>/,
        );
      else
        expect(text).toMatch(
          /^<b>412\.345 unit — jumlah UMKM di Bali, per April 2024 \(Kabar Bali, 6 Mei 2024\)<\/b>/,
        );
    });
    // The reloads build in a worker thread, one after another: the answers did not wait for
    // them, and their replies may still be coming.
    const reloads = () =>
      r.fake.calls
        .slice(since)
        .filter(
          (c) =>
            c.method === "sendMessage" && String(c.params.text).startsWith("Data dimuat ulang"),
        );
    for (let waited = 0; reloads().length < 20 && waited < 20_000; waited += 50)
      await new Promise((done) => setTimeout(done, 50));
    expect(reloads()).toHaveLength(20);
  }, 30_000);
});
