import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyOfSeeds, FIXTURE_SEEDS } from "../helpers/knowledge";
import { type NewsSite, startNewsSite } from "../helpers/news-site";
import { person } from "./chat";
import { ADMIN, OFFICER, PRIVATE, type Running, startBot } from "./harness";

const ADMIN_CHAT = { id: ADMIN.id, type: "private" as const };
const ADMIN2 = { id: 901, first_name: "Admin Dua" };
const ADMIN2_CHAT = { id: ADMIN2.id, type: "private" as const };

// Articles written for these tests.
const WARTA_JATIM = `---
outlet: Warta Jatim
published: 2023-08-14
title: Pelaku UMKM Jawa Timur terus bertambah
---
Surabaya (Warta Jatim) - Dinas Koperasi dan UKM Provinsi Jawa Timur mencatat jumlah UMKM di Jawa Timur mencapai 1,15 juta unit pada 2022. Kepala dinas mengatakan pendataan akan diperbarui tahun depan.
`;

const KABAR_RINJANI = `Pelaku usaha NTB makin melek lokapasar
Mataram (Kabar Rinjani) - Jumlah UMKM di Nusa Tenggara Barat mencapai 640.000 unit pada 2023. Sebanyak 12.500 di antaranya kini menjual lewat lokapasar, kata kepala dinas.`;

const KABAR_DEWATA = `---
outlet: Kabar Dewata
published: 2024-05-06
title: UMKM Bali makin digital
---
Denpasar (Kabar Dewata) - Dinas Koperasi dan UKM Provinsi Bali mencatat jumlah UMKM di Bali mencapai 412.345 unit per April 2024. Dari jumlah itu, sekitar 62 persen sudah go digital.
`;

const KABAR_ANOA = `---
outlet: Kabar Anoa
published: 2024-02-01
title: UMKM Sultra bertambah
---
Kendari (Kabar Anoa) - Dinas Koperasi dan UKM Provinsi Sulawesi Tenggara mencatat jumlah UMKM di Sulawesi Tenggara mencapai 118.200 unit pada 2023. Pendataan dilakukan bersama kabupaten dan kota.
`;

describe("admins add articles from the chat", () => {
  let r: Running;
  let seeds: string;
  let site: NewsSite;
  let clock = Date.parse("2026-11-22T09:00:00Z");
  const admin = () => person(r, ADMIN_CHAT, ADMIN);
  const officer = () => person(r, PRIVATE, OFFICER);
  const articleFiles = () => readdirSync(join(seeds, "articles")).sort();
  const corrections = () => readFileSync(join(seeds, "corrections.json"), "utf8");

  beforeAll(async () => {
    seeds = copyOfSeeds();
    site = await startNewsSite();
    r = await startBot({
      seedsDir: seeds,
      now: () => new Date(clock),
      env: {
        ADMIN_IDS: `${ADMIN.id},${ADMIN2.id}`,
        RATE_LIMIT_PER_MINUTE: "1000",
        LINKS_ALLOW_LOOPBACK_FOR_TESTS: "true",
        LINK_TIMEOUT_MS: "500",
        LINK_MAX_BYTES: "100000",
        MAX_ARTICLE_BYTES: "20000",
      },
    });
  });
  afterAll(async () => {
    await r.stop();
    await site.close();
  });

  /** Presses Simpan and resolves with the reply that says what became of it. */
  async function save(who: ReturnType<typeof person>, preview: Message): Promise<string> {
    const since = r.fake.calls.length;
    expect(await who.press(preview, saveData(preview))).toBe("Menyimpan…");
    return String((await who.next(since)).text);
  }

  it("takes a .txt file with front matter, previews it, and saves it with Simpan", async () => {
    expect((await officer().say("jumlah umkm jatim berapa")).text).toContain("Belum ada");
    expect((await admin().say("/tambah")).text).toMatch(/^Kirim artikelnya: berkas \.txt/);
    const preview = await admin().sendFile("warta-jatim.txt", Buffer.from(WARTA_JATIM));
    expect(preview.text).toBe(
      [
        "Pratinjau artikel baru",
        "Media: Warta Jatim",
        "Tanggal: 14 Agustus 2023",
        "Judul: Pelaku UMKM Jawa Timur terus bertambah",
        "",
        "Fakta yang akan ditambahkan: 1 dari 1",
        '1. "1,15 juta" — jumlah UMKM · Jawa Timur · 2022 · realisasi',
        "",
        "Perubahan jawaban:",
        "• jumlah UMKM Jawa Timur terbaru: belum ada → 1,15 juta unit",
        "",
        "Tekan ✕ dan nomor fakta untuk membuangnya sebelum disimpan.",
      ].join("\n"),
    );
    const reply = await save(admin(), preview);
    expect(reply).toMatch(
      /^Tersimpan sebagai 005_[0-9a-f]{16}\. Data dimuat ulang: \+1 artikel \(Warta Jatim, 14 Agustus 2023\), \+1 fakta, -0, ~0 \(\d+,\d\d detik\)\. Sekarang \d+ fakta dari 6 artikel\.$/,
    );
    const id = /005_[0-9a-f]{16}/.exec(reply)?.[0] as string;
    expect(admin().current(preview).text).toMatch(/\n\n✅ Tersimpan sebagai 005_/);
    expect(admin().current(preview).reply_markup).toBeUndefined();
    // Written whole, with its front matter, and no temporary file left beside it.
    expect(articleFiles()).toEqual(
      [...readdirSync(join(FIXTURE_SEEDS, "articles")), `${id}.txt`].sort(),
    );
    expect(readFileSync(join(seeds, "articles", `${id}.txt`), "utf8")).toBe(WARTA_JATIM);
    expect((await officer().say("jumlah umkm jatim berapa")).text).toMatch(/^1,15 juta unit/);
  });

  it("reads a link with Readability, says what changes in today's answers, and keeps a dropped fact out", async () => {
    const url = site.url("/berita/umkm-jatim");
    const preview = await admin().say(`/tambah ${url}`);
    const text = String(preview.text);
    expect(text).toContain(
      [
        "Media: Kabar Timur",
        "Tanggal: 10 Juni 2024",
        "Judul: Jumlah UMKM Jawa Timur tembus 2,58 juta",
        `Tautan: ${url}`,
      ].join("\n"),
    );
    expect(text).toContain('1. "2,58 juta" — jumlah UMKM · Jawa Timur · Mei 2024 · realisasi');
    expect(text).toContain(
      '2. "41 persen" — persentase UMKM yang sudah go digital · Jawa Timur · Mei 2024 · realisasi',
    );
    expect(text).toContain(
      '3. "60 persen" — persentase UMKM yang sudah go digital · Jawa Timur · 2026 · target',
    );
    expect(text).toContain("• jumlah UMKM Jawa Timur terbaru: 1,15 juta unit → 2,58 juta unit");
    expect(text).toContain(
      "• persentase UMKM yang sudah go digital Jawa Timur terbaru: belum ada → sekitar 41 persen",
    );
    // Not the navigation, sidebar or footer: only the article's text.
    expect(text).not.toContain("Terpopuler");

    const dropped = await admin().pressAndEdit(preview, dropData(preview, 2));
    expect(dropped.answer).toBe("Fakta 2 dibuang.");
    const edited = dropped.message;
    expect(edited.text).toContain("Fakta yang akan ditambahkan: 2 dari 3 (1 dibuang)");
    expect(edited.text).not.toContain("terbaru: belum ada → sekitar 41 persen");
    const struck = edited.entities?.find((e) => e.type === "strikethrough");
    expect(
      String(edited.text).slice(struck?.offset, (struck?.offset ?? 0) + (struck?.length ?? 0)),
    ).toMatch(/^2\. "41 persen"/);

    const reply = await save(admin(), edited);
    expect(reply).toMatch(
      /^Tersimpan sebagai 006_[0-9a-f]{16}\. Data dimuat ulang: \+1 artikel \(Kabar Timur, 10 Juni 2024\), \+2 fakta, -0, ~0/,
    );
    const id = /006_[0-9a-f]{16}/.exec(reply)?.[0] as string;
    const file = readFileSync(join(seeds, "articles", `${id}.txt`), "utf8");
    expect(file).toMatch(
      new RegExp(
        `^---\\noutlet: Kabar Timur\\npublished: 2024-06-10\\ntitle: Jumlah UMKM Jawa Timur tembus 2,58 juta\\nurl: ${url.replaceAll(".", "\\.")}\\n---\\nSurabaya \\(Kabar Timur\\) - `,
      ),
    );
    const drop = JSON.parse(corrections()).at(-1);
    expect(drop).toEqual({
      action: "drop",
      match: {
        article: id,
        value: 41,
        metric: "umkm_digital_share",
        region: "jawa_timur",
        period: "2024-05",
      },
      reason: "dibuang admin",
      quote:
        "Dari jumlah tersebut, sekitar 41 persen sudah go digital dan memasarkan produknya secara daring.",
      by: r.services.userHash.of(ADMIN.id),
    });
    expect((await officer().say("jumlah umkm jatim berapa")).text).toMatch(/^2,58 juta unit/);
    expect(r.services.store.current.table.facts.some((f) => f.value === 41)).toBe(false);
  });

  it("asks for what a page without metadata lacks, suggesting what it found", async () => {
    expect((await admin().say("/tambah")).text).toMatch(/^Kirim artikelnya/);
    const outlet = await admin().say(site.url("/berita/tanpa-meta"));
    expect(outlet.text).toBe(
      "Dari media apa artikel ini?\nUsul: 127.0.0.1\nKetik jawabannya, atau tekan tombol.",
    );
    const date = await admin().say("Malang Pos");
    expect(date.text).toBe(
      "Kapan artikel ini terbit? Misalnya 2024-05-06 atau 6 Mei 2024.\nUsul: 6 Mei 2024\nKetik jawabannya, atau tekan tombol.",
    );
    const since = r.fake.calls.length;
    await admin().press(date, buttonData(date, "Pakai: 6 Mei 2024"));
    const preview = await admin().next(since);
    expect(preview.text).toContain(
      "Media: Malang Pos\nTanggal: 6 Mei 2024\nJudul: Pendataan UMKM di Kota Malang rampung",
    );
    expect(preview.text).toContain("• jumlah UMKM Kota Malang terbaru: belum ada → 114.220 unit");
    const before = articleFiles();
    const cancelled = await admin().pressAndEdit(preview, buttonData(preview, "✖ Batal"));
    expect(cancelled.message.text).toMatch(/\n\n✖ Dibatalkan; tidak ada yang disimpan\.$/);
    expect(articleFiles()).toEqual(before);
  });

  it("asks outlet, date and title of pasted text, marks unsure facts, and forgets a preview left 30 minutes", async () => {
    await admin().say("/tambah");
    const outlet = await admin().say(KABAR_RINJANI);
    expect(outlet.text).toBe(
      "Dari media apa artikel ini?\nUsul: Kabar Rinjani\nKetik jawabannya, atau tekan tombol.",
    );
    let since = r.fake.calls.length;
    await admin().press(outlet, buttonData(outlet, "Pakai: Kabar Rinjani"));
    const date = await admin().next(since);
    expect(date.text).toBe(
      "Kapan artikel ini terbit? Misalnya 2024-05-06 atau 6 Mei 2024.\nKetik jawabannya.",
    );
    expect((await admin().say("kemarin sore")).text).toBe(
      "Tanggalnya tidak terbaca. Tulis misalnya 2024-05-06, 6 Mei 2024 atau Mei 2024.",
    );
    const title = await admin().say("2 Februari 2024");
    expect(title.text).toBe(
      "Apa judul artikelnya?\nUsul: Pelaku usaha NTB makin melek lokapasar\nKetik jawabannya, atau tekan tombol.",
    );
    since = r.fake.calls.length;
    await admin().press(title, buttonData(title, "Pakai: Pelaku usaha NTB makin melek lokapasar"));
    const preview = await admin().next(since);
    expect(preview.text).toContain("Tanggal: 2 Februari 2024");
    expect(preview.text).toMatch(
      /\n2\. "12\.500" — .* · Nusa Tenggara Barat · 2 Februari 2024 · realisasi · tidak yakin\n/,
    );
    const before = articleFiles();
    clock += 31 * 60_000;
    expect(await admin().press(preview, saveData(preview))).toBe(
      "Penambahan ini sudah selesai atau kedaluwarsa. Mulai lagi dengan /tambah.",
    );
    expect(articleFiles()).toEqual(before);
  });

  it("refuses bad input with a reason and writes nothing", async () => {
    const before = { files: articleFiles(), corrections: corrections() };
    const refused = (reason: string) =>
      `Tidak bisa ditambahkan: ${reason}. Tidak ada yang disimpan; kirim /tambah untuk mencoba lagi.`;
    const viaFile = async (name: string, data: Buffer) => {
      await admin().say("/tambah");
      return (await admin().sendFile(name, data)).text;
    };
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await viaFile("foto.txt", png)).toBe(
      refused("berkas biner, bukan teks; kirim berkas .txt"),
    );
    const gettingFiles = r.fake.calls.filter((c) => c.method === "getFile").length;
    expect(await viaFile("besar.txt", Buffer.alloc(25_000, "a"))).toBe(
      refused("berkas 25000 byte; paling besar 20000 (MAX_ARTICLE_BYTES)"),
    );
    // Refused by its size as Telegram states it, without downloading it.
    expect(r.fake.calls.filter((c) => c.method === "getFile").length).toBe(gettingFiles);
    expect(
      await viaFile(
        "latin1.txt",
        Buffer.from("Omzet UMKM naik 5 persen, kata pejabat dinas koperasi caf\xe9.", "latin1"),
      ),
    ).toBe(refused("berkas bukan teks UTF-8; simpan ulang sebagai UTF-8 lalu kirim lagi"));
    expect(
      (
        await admin().say(
          "/tambah Pasar malam di alun-alun kembali ramai dikunjungi warga setiap akhir pekan.",
        )
      ).text,
    ).toBe(refused("tidak ada angka statistik UMKM yang bisa dibaca dari artikel ini"));
    const link = async (path: string) => (await admin().say(`/tambah ${site.url(path)}`)).text;
    expect(await link("/indeks")).toBe(
      refused("halaman ini bukan artikel berita: tidak ada teks artikel yang bisa dibaca"),
    );
    expect(await link("/lambat")).toBe(
      refused("halaman tidak selesai dimuat dalam 0,5 detik (LINK_TIMEOUT_MS)"),
    );
    expect(await link("/laporan.pdf")).toBe(
      refused("bukan halaman HTML atau teks (application/pdf)"),
    );
    expect(await link("/besar")).toBe(
      refused("halaman lebih dari 100000 byte (LINK_MAX_BYTES); tidak dibaca"),
    );
    expect(await link("/ke-dalam")).toBe(
      refused("10.0.0.1 mengarah ke alamat jaringan lokal atau privat; tidak dibuka"),
    );
    expect((await admin().say("/tambah ftp://127.0.0.1/berita.txt")).text).toBe(
      refused("hanya tautan http:// atau https:// yang bisa dibaca"),
    );
    expect(await link("/berita/umkm-jatim")).toMatch(
      /^Tidak bisa ditambahkan: artikel ini sudah ada \(alamatnya sama\): Kabar Timur, 10 Juni 2024, "Jumlah UMKM Jawa Timur tembus 2,58 juta" \(id 006_/,
    );
    // The same page by another address is the same text.
    expect(await link("/pindah")).toMatch(
      /^Tidak bisa ditambahkan: artikel ini sudah ada \(teksnya hampir sama\): Kabar Timur/,
    );
    const seedText = readFileSync(
      join(FIXTURE_SEEDS, "articles", "004_ace72b6c210ee1f9.txt"),
      "utf8",
    );
    const body = seedText.slice(seedText.indexOf("\n---\n") + 5);
    expect(await viaFile("salinan.txt", Buffer.from(`${body}\nDisalin ulang.`))).toMatch(
      /^Tidak bisa ditambahkan: artikel ini sudah ada \(teksnya hampir sama\): .*\(id 004_ace72b6c210ee1f9\)/,
    );
    expect({ files: articleFiles(), corrections: corrections() }).toEqual(before);
  });

  it("saves one at a time when two admins press Simpan at once", async () => {
    const first = person(r, ADMIN_CHAT, ADMIN);
    const second = person(r, ADMIN2_CHAT, ADMIN2);
    await first.say("/tambah");
    await second.say("/tambah");
    const a = await first.sendFile("dewata.txt", Buffer.from(KABAR_DEWATA));
    const b = await second.sendFile("sultra.txt", Buffer.from(KABAR_ANOA));
    const since = r.fake.calls.length;
    r.fake.pressButton({ from: ADMIN, message: a, data: saveData(a) });
    r.fake.pressButton({ from: ADMIN2, message: b, data: saveData(b) });
    const replies = await Promise.all([first.next(since), second.next(since)]);
    const ids = replies.map(
      (m) => /Tersimpan sebagai (\d{3}_[0-9a-f]{16})\./.exec(String(m.text))?.[1],
    );
    expect(new Set(ids).size).toBe(2);
    expect(ids.map((id) => existsSync(join(seeds, "articles", `${id}.txt`)))).toEqual([true, true]);
    expect((await officer().say("jumlah umkm bali berapa")).text).toMatch(/^412\.345 unit/);
    expect((await officer().say("jumlah umkm sultra berapa")).text).toMatch(/^118\.200 unit/);

    // The same article from both: the second finds the first's under the lock.
    const same = KABAR_ANOA.replaceAll("Kabar Anoa", "Kabar Borneo")
      .replaceAll("Sulawesi Tenggara", "Kalimantan Barat")
      .replace("118.200", "167.500");
    await first.say("/tambah");
    await second.say("/tambah");
    const c = await first.sendFile(
      "a.txt",
      Buffer.from(same.replace("UMKM Sultra bertambah", "Judul satu")),
    );
    const d = await second.sendFile(
      "b.txt",
      Buffer.from(same.replace("UMKM Sultra bertambah", "Judul dua")),
    );
    const since2 = r.fake.calls.length;
    r.fake.pressButton({ from: ADMIN, message: c, data: saveData(c) });
    r.fake.pressButton({ from: ADMIN2, message: d, data: saveData(d) });
    const outcomes = (await Promise.all([first.next(since2), second.next(since2)])).map((m) =>
      String(m.text),
    );
    expect(outcomes.filter((t) => t.startsWith("Tersimpan sebagai"))).toHaveLength(1);
    expect(
      outcomes.filter((t) =>
        t.startsWith("Gagal menyimpan: artikel ini sudah ada (teksnya hampir sama)"),
      ),
    ).toHaveLength(1);
  });

  it("removes the new file when the reload fails, and the old table keeps answering", async () => {
    await admin().say("/tambah");
    const preview = await admin().sendFile(
      "sultra.txt",
      Buffer.from(KABAR_ANOA.replace(/Sulawesi Tenggara/g, "Gorontalo")),
    );
    writeFileSync(join(seeds, "articles", "099_rusak.txt"), "tanpa front matter\n");
    const before = articleFiles();
    const reply = await save(admin(), preview);
    expect(reply).toBe(
      'Gagal menyimpan: articles/099_rusak.txt:1: front matter: must start with a line "---"\nTidak ada yang disimpan; data lama tetap dipakai.',
    );
    expect(articleFiles()).toEqual(before);
    expect((await officer().say("jumlah umkm gorontalo berapa")).text).toContain("Belum ada");
    expect((await officer().say("jumlah umkm bali berapa")).text).toMatch(/^412\.345 unit/);
    rmSync(join(seeds, "articles", "099_rusak.txt"));
  });

  it("refuses /tambah and /batal to anyone not in ADMIN_IDS, and logs every admin action by hash", async () => {
    expect((await officer().say("/tambah")).text).toBe("Maaf, perintah ini hanya untuk admin bot.");
    expect((await officer().say("/batal")).text).toBe("Maaf, perintah ini hanya untuk admin bot.");
    const actions = r.logs().filter((l) => l.msg === "admin action");
    expect(new Set(actions.map((l) => l.action))).toEqual(
      new Set(["tambah", "simpan", "buang fakta", "batal", "tambah ditolak", "simpan gagal"]),
    );
    for (const l of actions) {
      expect(String(l.user)).toMatch(/^[0-9a-f]{16}$/);
      expect(String(l.at)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect(JSON.stringify(actions)).not.toContain(`"${ADMIN.id}"`);
  });
});

function buttons(m: Message): { text: string; data: string }[] {
  return (m.reply_markup?.inline_keyboard ?? [])
    .flat()
    .flatMap((b) =>
      "callback_data" in b && b.callback_data ? [{ text: b.text, data: b.callback_data }] : [],
    );
}

function buttonData(m: Message, text: string): string {
  const b = buttons(m).find((x) => x.text === text);
  if (!b) throw new Error(`no button "${text}" in ${JSON.stringify(buttons(m))}`);
  return b.data;
}

const saveData = (m: Message) => buttonData(m, "💾 Simpan");
const dropData = (m: Message, n: number) => buttonData(m, `✕ ${n}`);
