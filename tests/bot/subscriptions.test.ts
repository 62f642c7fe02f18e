import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyOfSeeds } from "../helpers/knowledge";
import { person } from "./chat";
import { ADMIN, GROUP, OFFICER, PRIVATE, type Running, startBot } from "./harness";

const ADMIN_CHAT = { id: ADMIN.id, type: "private" as const };

const KABAR_DEWATA = `---
outlet: Kabar Dewata
published: 2024-05-06
title: UMKM Bali makin digital
url: https://kabardewata.example/umkm-bali
---
Denpasar (Kabar Dewata) - Dinas Koperasi dan UKM Provinsi Bali mencatat jumlah UMKM di Bali mencapai 412.345 unit per April 2024. Dari jumlah itu, sekitar 62 persen sudah go digital.
`;

// Enough chats that pacing shows: more than a second's worth at 25 a second.
const READERS = Array.from({ length: 30 }, (_, i) => ({
  id: 20_000 + i,
  type: "private" as const,
}));
const BLOCKER = { id: 30_001, type: "private" as const };

describe("chats subscribe to new figures", () => {
  let r: Running;
  const file = () => join(r.services.config.DATA_DIR, "subscriptions.json");
  const subscribed = () => JSON.parse(readFileSync(file(), "utf8")).chats as number[];

  beforeAll(async () => {
    r = await startBot({
      seedsDir: copyOfSeeds(),
      env: { RATE_LIMIT_PER_MINUTE: "1000", BROADCAST_PER_SECOND: "25" },
    });
  });
  afterAll(() => r.stop());

  it("subscribes any chat with /langganan and stops with /berhenti, kept in DATA_DIR", async () => {
    const officer = person(r, PRIVATE, OFFICER);
    expect((await officer.say("/langganan")).text).toBe(
      "Berlangganan: setiap ada artikel baru, chat ini mendapat satu pesan singkat berisi angka barunya dan sumbernya. /berhenti untuk berhenti.",
    );
    expect((await officer.say("/langganan")).text).toBe(
      "Chat ini sudah berlangganan. /berhenti untuk berhenti.",
    );
    await person(r, GROUP, OFFICER).say(`/langganan@${r.fake.botUser.username}`);
    for (const chat of [...READERS, BLOCKER]) await person(r, chat).say("/langganan");
    expect((await officer.say("/berhenti")).text).toBe(
      "Langganan dihentikan; chat ini tidak lagi mendapat kabar artikel baru.",
    );
    expect((await officer.say("/berhenti")).text).toBe("Chat ini tidak berlangganan.");
    expect(subscribed().sort()).toEqual([GROUP.id, ...READERS.map((c) => c.id), BLOCKER.id].sort());
    // A private chat's id is the person's Telegram id: the file is the bot's alone.
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });

  it("tells each subscribed chat once when an admin saves an article, paced, dropping chats that blocked the bot", async () => {
    r.fake.blockBot(BLOCKER.id);
    const admin = person(r, ADMIN_CHAT, ADMIN);
    await admin.say("/tambah");
    const preview = await admin.sendFile("dewata.txt", Buffer.from(KABAR_DEWATA));
    const since = r.fake.calls.length;
    r.fake.pressButton({ from: ADMIN, message: preview, data: saveData(preview) });
    expect(String((await admin.next(since)).text)).toMatch(/^Tersimpan sebagai 005_/);

    const targets = [GROUP.id, ...READERS.map((c) => c.id), BLOCKER.id];
    const sends = async () => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const calls = r.fake.calls
          .slice(since)
          .filter((c) => c.method === "sendMessage" && targets.includes(Number(c.params.chat_id)));
        if (calls.length >= targets.length || Date.now() > deadline) return calls;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const calls = await sends();
    expect(calls.map((c) => Number(c.params.chat_id)).sort()).toEqual([...targets].sort());
    expect(r.fake.sentMessages(PRIVATE.id).filter((m) => m.text?.startsWith("Angka baru"))).toEqual(
      [],
    );
    const told = r.fake.sentMessages(GROUP.id).at(-1) as Message;
    expect(told.text).toBe(
      [
        'Angka baru dari Kabar Dewata, 6 Mei 2024: "UMKM Bali makin digital"',
        "• jumlah UMKM Bali: 412.345 unit (April 2024)",
        "• persentase UMKM yang sudah go digital Bali: sekitar 62 persen (April 2024)",
        "Sumber: https://kabardewata.example/umkm-bali",
        "Tanyakan rinciannya kepada saya. /berhenti untuk berhenti berlangganan.",
      ].join("\n"),
    );
    // At most 25 a second: any 26 sends in a row span a second (less the network's jitter).
    const at = calls.map((c) => c.at).sort((a, b) => a - b);
    const windows = at.slice(25).map((t, i) => t - (at[i] as number));
    expect(windows.length).toBeGreaterThan(0);
    expect(Math.min(...windows)).toBeGreaterThanOrEqual(950);

    const blocked = calls.find((c) => Number(c.params.chat_id) === BLOCKER.id);
    expect(blocked?.status).toBe(403);
    await expect.poll(() => subscribed().includes(BLOCKER.id)).toBe(false);
    await expect
      .poll(() => r.logs().find((l) => l.msg === "broadcast"))
      .toMatchObject({
        sent: targets.length - 1,
        dropped: 1,
        failed: 0,
      });
  });
});

function saveData(m: Message): string {
  const b = (m.reply_markup?.inline_keyboard ?? []).flat().find((x) => x.text === "💾 Simpan");
  if (!b || !("callback_data" in b) || !b.callback_data) throw new Error("no Simpan button");
  return b.callback_data;
}
