import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyOfSeeds } from "../helpers/knowledge";
import { person } from "./chat";
import { ADMIN, GROUP, OFFICER, PRIVATE, type Running, startBot } from "./harness";

const ADMIN_CHAT = { id: ADMIN.id, type: "private" as const };
const REPUBLIKA = "002_1e3114b9df9075bd";

// Six short articles of the tests' own, so that the list has two pages.
const PROVINCES = ["Aceh", "Bengkulu", "Jambi", "Riau", "Maluku", "Papua"];
const extra = (province: string, i: number) => `---
outlet: Kabar ${province}
published: 2025-0${i + 1}-15
title: Pendataan UMKM ${province} selesai
---
Dinas Koperasi dan UKM Provinsi ${province} mencatat jumlah UMKM di ${province} mencapai ${i + 2}0.000 unit pada 2024.
`;

describe("admins list, remove and restore articles", () => {
  let r: Running;
  let seeds: string;
  const admin = () => person(r, ADMIN_CHAT, ADMIN);
  const officer = () => person(r, PRIVATE, OFFICER);
  const corrections = () => JSON.parse(readFileSync(join(seeds, "corrections.json"), "utf8"));

  beforeAll(async () => {
    seeds = copyOfSeeds();
    for (const [i, p] of PROVINCES.entries())
      writeFileSync(join(seeds, "articles", `1${i}0_kabar_${p.toLowerCase()}.txt`), extra(p, i));
    r = await startBot({ seedsDir: seeds, env: { RATE_LIMIT_PER_MINUTE: "1000" } });
  });
  afterAll(() => r.stop());

  it("lists articles newest first, eight a page, with outlet, date, title, facts and id", async () => {
    const first = await admin().say("/artikel");
    const lines = String(first.text).split("\n");
    expect(lines[0]).toBe("Artikel: 11, terbaru dulu (halaman 1 dari 2)");
    expect(lines.slice(1, 3)).toEqual([
      '1. Kabar Papua, 15 Juni 2025 — "Pendataan UMKM Papua selesai" — 1 fakta',
      "   id: 150_kabar_papua",
    ]);
    expect(lines).toContain(
      '8. Bisnis.com, 4 Desember 2023 — "Kemenko Perekonomian: 27 juta UMKM telah go digital" — 8 fakta',
    );
    // The id is code, so that a tap copies it.
    expect(first.entities?.some((e) => e.type === "code")).toBe(true);
    const next = await admin().pressAndEdit(first, "art:1");
    expect(String(next.message.text).split("\n")[0]).toBe(
      "Artikel: 11, terbaru dulu (halaman 2 dari 2)",
    );
    expect(next.message.text).toContain('9. ANTARA, 2023 — "');
    expect(buttonTexts(next.message)).toEqual(["‹ Sebelumnya"]);
  });

  it("removes an article after confirming, with its corrections, and puts both back", async () => {
    const before = corrections();
    expect((await officer().say("jumlah umkm jabar")).text).toMatch(/^4,6 juta/);
    const ask = await admin().say(`/hapus ${REPUBLIKA}`);
    expect(ask.text).toMatch(
      new RegExp(
        `^Hapus artikel ini\\?\\nRepublika, 21 September 2022: ".+" \\(7 fakta, id ${REPUBLIKA}\\)\\nBerkasnya dipindah ke removed/ dan bisa dikembalikan dengan /batalhapus ${REPUBLIKA}\\.$`,
      ),
    );
    const done = await admin().pressAndEdit(ask, dataOf(ask, "Ya, hapus"));
    expect(done.message.text).toMatch(
      new RegExp(
        `^Dihapus: ${REPUBLIKA} \\(dipindah ke removed/\\)\\. Data dimuat ulang: -1 artikel \\(Republika, 21 September 2022\\), \\+0 fakta, -7, ~0`,
      ),
    );
    expect(existsSync(join(seeds, "articles", `${REPUBLIKA}.txt`))).toBe(false);
    expect(existsSync(join(seeds, "removed", `${REPUBLIKA}.txt`))).toBe(true);
    // A build refuses a correction about an article it does not have: they move aside with it.
    expect(corrections()).toEqual([]);
    expect(
      JSON.parse(readFileSync(join(seeds, "removed", `${REPUBLIKA}.corrections.json`), "utf8")),
    ).toEqual(before);
    expect((await officer().say("jumlah umkm jabar")).text).toContain("Belum ada");

    expect((await admin().say("/batalhapus")).text).toBe(
      `Artikel yang dihapus: ${REPUBLIKA}.\nKembalikan dengan /batalhapus <id>.`,
    );
    expect((await admin().say(`/batalhapus ${REPUBLIKA}`)).text).toMatch(
      new RegExp(
        `^Dikembalikan: ${REPUBLIKA}\\. Data dimuat ulang: \\+1 artikel \\(Republika, 21 September 2022\\), \\+7 fakta, -0, ~0`,
      ),
    );
    expect(corrections()).toEqual(before);
    expect(readdirSync(join(seeds, "removed"))).toEqual([]);
    expect((await officer().say("jumlah umkm jabar")).text).toMatch(/^4,6 juta/);
  });

  it("changes nothing when the admin says no, or names no article", async () => {
    const ask = await admin().say("/hapus 150_kabar_papua");
    const kept = await admin().pressAndEdit(ask, dataOf(ask, "Tidak"));
    expect(kept.message.text).toBe("Tidak jadi dihapus: 150_kabar_papua.");
    expect(existsSync(join(seeds, "articles", "150_kabar_papua.txt"))).toBe(true);
    expect((await admin().say("/hapus ../../corrections")).text).toBe(
      "Tidak ada artikel ../../corrections. Lihat /artikel.",
    );
    expect((await admin().say("/batalhapus ../articles/150_kabar_papua")).text).toBe(
      "Gagal mengembalikan ../articles/150_kabar_papua: Tidak ada artikel ../articles/150_kabar_papua di removed/.\nTidak ada yang berubah.",
    );
    expect((await admin().say("/hapus")).text).toBe(
      "Tulis id artikelnya: /hapus <id>. Id ada di /artikel.",
    );
  });

  it("refuses every article command, and its buttons, to anyone not in ADMIN_IDS", async () => {
    for (const command of ["/artikel", "/hapus 150_kabar_papua", "/batalhapus 150_kabar_papua"])
      expect((await officer().say(command)).text).toBe("Maaf, perintah ini hanya untuk admin bot.");
    const inGroup = person(r, GROUP, ADMIN);
    const list = await inGroup.say(`/artikel@${r.fake.botUser.username}`);
    expect(await person(r, GROUP, OFFICER).press(list, "art:1")).toBe(
      "Maaf, perintah ini hanya untuk admin bot.",
    );
    expect(existsSync(join(seeds, "articles", "150_kabar_papua.txt"))).toBe(true);
    const actions = r.logs().filter((l) => l.msg === "admin action");
    expect(actions.map((l) => [l.action, l.article, l.ok])).toEqual([
      ["hapus", REPUBLIKA, true],
      ["batalhapus", REPUBLIKA, true],
      ["batalhapus", "../articles/150_kabar_papua", false],
    ]);
    expect(r.logs().filter((l) => l.msg === "admin command refused")).toHaveLength(3);
  });
});

function buttonTexts(m: Message): string[] {
  return (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
}

function dataOf(m: Message, text: string): string {
  const b = (m.reply_markup?.inline_keyboard ?? []).flat().find((x) => x.text === text);
  if (!b || !("callback_data" in b) || !b.callback_data) throw new Error(`no button "${text}"`);
  return b.callback_data;
}
