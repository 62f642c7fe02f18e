import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyOfSeeds } from "../helpers/knowledge";
import { ADMIN, GROUP, nextReply, OFFICER, PRIVATE, type Running, startBot } from "./harness";

describe("the bot over long polling", () => {
  let r: Running;
  beforeAll(async () => {
    r = await startBot();
  });
  afterAll(() => r.stop());

  it("registers its commands in Indonesian", async () => {
    const call = await r.fake.waitForCall("setMyCommands");
    const commands = (call.params.commands as { command: string; description: string }[]).map(
      (c) => c.command,
    );
    expect(commands).toEqual(expect.arrayContaining(["tanya", "bantuan", "sumber", "data"]));
  });

  it("answers a question in a private chat, in HTML with its source", async () => {
    const since = r.fake.calls.length;
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "berapa UMKM go digital 2023?" });
    const call = await nextReply(r.fake, PRIVATE.id, since);
    expect(call.status).toBe(200);
    expect(call.params.parse_mode).toBe("HTML");
    expect(call.params.text).toMatch(
      /^<b>27 juta — UMKM go digital nasional, per 4 Desember 2023 \(Bisnis\.com, 4 Desember 2023\)<\/b>/,
    );
  });

  it("builds a follow-up on the same person's last question", async () => {
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "jabar umkm ada brp" });
    await nextReply(r.fake, PRIVATE.id);
    const since = r.fake.calls.length;
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "kalau lampung?" });
    const call = await nextReply(r.fake, PRIVATE.id, since);
    expect(call.params.text).toContain("326.505 unit — jumlah UMKM di Lampung");
  });

  it("answers /tanya@bot in a group as a reply, and stays silent on chatter", async () => {
    const before = r.fake.sentMessages(GROUP.id).length;
    r.fake.sendText({ chat: GROUP, from: OFFICER, text: "selamat pagi semua, rapat jam 9 ya" });
    const since = r.fake.calls.length;
    const asked = r.fake.sendText({
      chat: GROUP,
      from: OFFICER,
      text: `/tanya@${r.fake.botUser.username} jabar umkm ada brp`,
    });
    const call = await nextReply(r.fake, GROUP.id, since);
    expect(call.params.text).toContain("4,6 juta");
    expect((call.params.reply_parameters as { message_id: number }).message_id).toBe(asked);
    // Updates of one chat are handled in order: the answer came after the chatter was handled.
    expect(r.fake.sentMessages(GROUP.id).slice(before)).toHaveLength(1);
  });

  it("answers a reply to its own message in a group", async () => {
    const asked = r.fake.calls.length;
    r.fake.sendText({
      chat: GROUP,
      from: OFFICER,
      text: `/tanya@${r.fake.botUser.username} jabar umkm ada brp`,
    });
    await nextReply(r.fake, GROUP.id, asked);
    const mine = r.fake.sentMessages(GROUP.id).at(-1);
    expect(mine?.text).toContain("4,6 juta");
    const since = r.fake.calls.length;
    r.fake.sendText({ chat: GROUP, from: OFFICER, text: "kalau lampung?", replyTo: mine });
    const call = await nextReply(r.fake, GROUP.id, since);
    expect(call.params.text).toContain("326.505 unit");
  });

  it("answers a mention in a group", async () => {
    const since = r.fake.calls.length;
    r.fake.sendText({
      chat: GROUP,
      from: OFFICER,
      text: `@${r.fake.botUser.username} target umkm go digital 2024`,
    });
    const call = await nextReply(r.fake, GROUP.id, since);
    expect(call.params.text).toContain("30 juta — target UMKM go digital nasional");
  });

  it("offers the provinces as buttons and answers a press by editing the message", async () => {
    const since = r.fake.calls.length;
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "umkm jawa berapa" });
    await nextReply(r.fake, PRIVATE.id, since);
    const question = r.fake.sentMessages(PRIVATE.id).at(-1);
    if (!question) throw new Error("no message");
    const keyboard = question.reply_markup?.inline_keyboard.flat() ?? [];
    expect(keyboard.map((b) => b.text)).toEqual(["Jawa Barat", "Jawa Tengah", "Jawa Timur"]);
    const jabar = keyboard[0] as { callback_data: string };
    const pressAt = r.fake.calls.length;
    r.fake.pressButton({ from: OFFICER, message: question, data: jabar.callback_data });
    const edit = await r.fake.waitForCall("editMessageText", undefined, 5000, pressAt);
    expect(edit.params.text).toContain("4,6 juta — jumlah UMKM di Jawa Barat");
    await r.fake.waitForCall("answerCallbackQuery", undefined, 5000, pressAt);
  });

  it("answers an inline query with the answer as a result", async () => {
    const since = r.fake.calls.length;
    r.fake.inlineQuery({ from: OFFICER, query: "berapa UMKM go digital 2023" });
    const call = await r.fake.waitForCall("answerInlineQuery", undefined, 5000, since);
    expect(call.status).toBe(200);
    const [result] = call.params.results as {
      title: string;
      input_message_content: { message_text: string };
    }[];
    expect(result?.title).toContain("27 juta");
    expect(result?.input_message_content.message_text).toContain("Bisnis.com, 4 Desember 2023");
  });

  it("retries after a 429 with retry_after", async () => {
    r.fake.injectFault("sendMessage", { kind: "429", retryAfter: 1 });
    const since = r.fake.calls.length;
    r.fake.sendText({
      chat: PRIVATE,
      from: OFFICER,
      text: "brp persen umkm lampung yg udh digital",
    });
    const ok = await r.fake.waitForCall("sendMessage", (c) => c.status === 200, 8000, since);
    expect(ok.params.text).toContain("70 persen");
    const limited = r.fake.calls
      .slice(since)
      .filter((c) => c.method === "sendMessage" && c.status === 429);
    expect(limited).toHaveLength(1);
  });

  it("does not crash on a 502 or a dropped connection, and answers the next question", async () => {
    r.fake.injectFault("sendMessage", { kind: "502" });
    r.fake.injectFault("sendMessage", { kind: "drop" });
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "jabar umkm ada brp" });
    const since = r.fake.calls.length;
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "pertumbuhan ekonomi lampung" });
    const call = await r.fake.waitForCall(
      "sendMessage",
      (c) => c.status === 200 && String(c.params.text).includes("5,4 persen"),
      10_000,
      since,
    );
    expect(call.status).toBe(200);
  });

  it("answers a question longer than a Telegram message, with every message accepted", async () => {
    const since = r.fake.calls.length;
    r.fake.sendText({
      chat: PRIVATE,
      from: ADMIN,
      text: `/tanya ${"umkm jabar dan lampung dan nasional ".repeat(200)}`,
    });
    const call = await nextReply(r.fake, PRIVATE.id, since);
    expect(call.status).toBe(200);
    expect(call.params.text).toContain("326.505 unit — jumlah UMKM di Lampung");
    expect(call.params.text).toContain("64,2 juta — jumlah UMKM nasional");
    expect(call.params.text).toContain("4,6 juta — jumlah UMKM di Jawa Barat");
    // Updates of one chat are handled in order: once the next question is answered, the long
    // one is done, and nothing it sent was refused.
    const next = r.fake.calls.length;
    r.fake.sendText({ chat: PRIVATE, from: ADMIN, text: "berapa UMKM go digital 2023?" });
    expect((await nextReply(r.fake, PRIVATE.id, next)).params.text).toContain("27 juta");
    const refused = r.fake.calls
      .slice(since)
      .filter((c) => c.method !== "getUpdates" && c.status !== 200);
    expect(refused).toEqual([]);
  });
});

describe("the bot over a webhook", () => {
  let r: Running;
  beforeAll(async () => {
    r = await startBot({ mode: "webhook" });
  });
  afterAll(() => r.stop());

  it("sets its webhook with the secret token and answers posted updates", async () => {
    const set = await r.fake.waitForCall("setWebhook");
    expect(set.params.secret_token).toBe("rahasia-123");
    const url = String(set.params.url);
    const since = r.fake.calls.length;
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "warm-up" });
    const status = await r.fake.deliverWebhook(
      url,
      {
        message: {
          message_id: 77,
          date: 1,
          chat: { id: PRIVATE.id, type: "private", first_name: "Sari" },
          from: { id: OFFICER.id, is_bot: false, first_name: "Sari" },
          text: "berapa UMKM go digital 2023?",
        },
      },
      "rahasia-123",
    );
    expect(status).toBe(200);
    const call = await nextReply(r.fake, PRIVATE.id, since);
    expect(call.params.text).toContain("27 juta");
  });

  it("refuses a post without the secret token", async () => {
    const set = await r.fake.waitForCall("setWebhook");
    const status = await r.fake.deliverWebhook(
      String(set.params.url),
      {
        message: {
          message_id: 78,
          date: 1,
          chat: { id: 1, type: "private", first_name: "X" },
          from: { id: 1, is_bot: false, first_name: "X" },
          text: "halo",
        },
      },
      "salah",
    );
    expect(status).toBe(401);
  });
});

describe("a reply longer than Telegram allows", () => {
  let r: Running;
  beforeAll(async () => {
    const seeds = copyOfSeeds();
    for (let i = 0; i < 150; i++) {
      writeFileSync(
        join(seeds, "articles", `1${String(i).padStart(3, "0")}_daerah.txt`),
        `---\noutlet: Kabar Daerah ${i}\npublished: 2024-05-06\ntitle: Berita UMKM daerah nomor ${i} <dengan> "tanda" & simbol\n---\nJumlah UMKM di Bali mencapai ${1000 + i} unit.\n`,
      );
    }
    r = await startBot({ seedsDir: seeds });
  });
  afterAll(() => r.stop());

  it("is split at line breaks into messages Telegram accepts", async () => {
    const since = r.fake.calls.length;
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "/sumber" });
    // The oldest articles, from 2022, are listed last.
    await r.fake.waitForCall(
      "sendMessage",
      (c) => String(c.params.text).includes("ANTARA News Bali, 2022"),
      5000,
      since,
    );
    const sent = r.fake.calls.slice(since).filter((c) => c.method === "sendMessage");
    expect(sent.length).toBeGreaterThan(2);
    for (const c of sent) expect(c.status).toBe(200);
    const text = r.fake
      .sentMessages(PRIVATE.id)
      .map((m) => m.text ?? "")
      .join("\n");
    expect(text).toContain('"Berita UMKM daerah nomor 149 <dengan> "tanda" & simbol" (1 angka)');
  });
});
