import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InlineKeyboardButton, Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiCall, type FakeTelegram, startFakeTelegram } from "../../packages/fake-telegram";
import { ADMIN, nextReply, type Running, startBot } from "./harness";

/*
 * Issue 14: questions the bot cannot answer go to the officers' group and the answer comes
 * back. Three chats: the asker's, the officers' group, and another user's.
 */

const OFFICERS = { id: -1009001, type: "supergroup" as const, title: "Petugas Dinas Koperasi" };
const ASKER = { id: 7101, first_name: "Budi" };
const ASKER_CHAT = { id: ASKER.id, type: "private" as const };
const OTHER = { id: 7102, first_name: "Wati" };
const OTHER_CHAT = { id: OTHER.id, type: "private" as const };
const SARI = { id: 8101, first_name: "Sari" };
const DEDI = { id: 8102, first_name: "Dedi" };
const OUTSIDER = { id: 8109, first_name: "Tamu" };
const ADMIN_CHAT = { id: ADMIN.id, type: "private" as const };

type Chat = { id: number; type: "private" | "supergroup"; title?: string };
type User = { id: number; first_name: string };

function env(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    OFFICERS_CHAT_ID: String(OFFICERS.id),
    HANDOVER_MAX_OPEN: "2",
    RATE_LIMIT_PER_MINUTE: "200",
    ...extra,
  };
}

function buttons(m: Message | undefined): InlineKeyboardButton.CallbackButton[] {
  return (m?.reply_markup?.inline_keyboard.flat() ?? []) as InlineKeyboardButton.CallbackButton[];
}

/** The message a sendMessage call made, as delivered. */
function delivered(call: ApiCall | undefined): Message {
  const result = (call?.response as { result?: Message } | undefined)?.result;
  if (!result) throw new Error(`no message delivered: ${JSON.stringify(call?.response)}`);
  return result;
}

function sendsTo(fake: FakeTelegram, chatId: number, since: number): ApiCall[] {
  return fake.calls
    .slice(since)
    .filter((c) => c.method === "sendMessage" && Number(c.params.chat_id) === chatId);
}

/**
 * A message in a chat; resolves with its id, the bot's first reply (the call and its text as
 * the person reads it) and the bot's last message there.
 */
async function say(r: Running, chat: Chat, from: User, text: string, replyTo?: Message) {
  const since = r.fake.calls.length;
  const id = r.fake.sendText({ chat, from, text, ...(replyTo && { replyTo }) });
  const reply = await nextReply(r.fake, chat.id, since);
  const read = delivered(reply).text ?? "";
  return { id, reply, read, last: r.fake.sentMessages(chat.id).at(-1) as Message };
}

/** Presses a button and resolves with the bot's answer to the press. */
async function press(r: Running, from: User, message: Message, data: string): Promise<ApiCall> {
  const since = r.fake.calls.length;
  r.fake.pressButton({ from, message, data });
  return r.fake.waitForCall("answerCallbackQuery", undefined, 5000, since);
}

/** Asks a question the bot cannot answer and presses "Tanyakan ke petugas" under the answer. */
async function offer(r: Running, chat: Chat, from: User, question: string) {
  const asked = await say(r, chat, from, question);
  const since = r.fake.calls.length;
  await press(r, from, asked.last, "ho:ask");
  await nextReply(r.fake, chat.id, since);
  return { questionId: asked.id, confirmation: r.fake.sentMessages(chat.id).at(-1) as Message };
}

/** Confirms a handover; resolves with the message the officers got. */
async function confirm(r: Running, from: User, confirmation: Message, choice: "nama" | "anon") {
  const data = buttons(confirmation).find((b) => b.callback_data.endsWith(`:${choice}`));
  const since = r.fake.calls.length;
  r.fake.pressButton({ from, message: confirmation, data: data?.callback_data as string });
  const toOfficers = await nextReply(r.fake, OFFICERS.id, since);
  await r.fake.waitForCall("editMessageText", undefined, 5000, since);
  return r.fake
    .sentMessages(OFFICERS.id)
    .find((m) => m.message_id === (toOfficers.response as { result: Message }).result.message_id);
}

async function handOver(r: Running, chat: Chat, from: User, question: string, named = false) {
  const { questionId, confirmation } = await offer(r, chat, from, question);
  const inGroup = (await confirm(r, from, confirmation, named ? "nama" : "anon")) as Message;
  return { questionId, inGroup };
}

describe("handing a question over to the officers", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "umkm-handover-"));
  let r: Running;
  let fake: FakeTelegram;
  let first: { questionId: number; inGroup: Message };
  let second: { questionId: number; inGroup: Message };
  beforeAll(async () => {
    // One fake for both bots: the restart keeps the chats and their messages.
    fake = await startFakeTelegram();
    r = await startBot({ fake, env: env(dataDir) });
    // Officers in the group; the bot knows the group once someone writes there.
    fake.setChatMember(OFFICERS.id, SARI, "administrator");
    fake.setChatMember(OFFICERS.id, DEDI, "member");
    fake.setChatMember(OFFICERS.id, OUTSIDER, "left");
  });
  afterAll(async () => {
    await r.stop();
    await fake.close();
  });

  it("/antrian in the officers' group says when nothing waits; /bantuan says how to answer", async () => {
    const { read } = await say(r, OFFICERS, SARI, "/antrian");
    expect(read).toBe("Antrian kosong: tidak ada pertanyaan yang menunggu petugas.");
    const { read: help } = await say(r, OFFICERS, SARI, "/bantuan");
    expect(help).toContain("Di grup petugas: balas pesan pertanyaan untuk menjawab");
    const menu = await fake.waitForCall("setMyCommands", (c) => c.params.scope !== undefined);
    expect(menu.params.scope).toEqual({ type: "chat", chat_id: OFFICERS.id });
    expect((menu.params.commands as { command: string }[]).map((c) => c.command)).toEqual(
      expect.arrayContaining(["antrian", "tolak", "tanya"]),
    );
  });

  it("offers the officers only under answers it could not give, in a private chat", async () => {
    const answered = await say(r, ASKER_CHAT, ASKER, "berapa UMKM go digital 2023?");
    expect(buttons(answered.last).map((b) => b.text)).not.toContain("Tanyakan ke petugas");
    const inGroup = await say(r, OFFICERS, SARI, "/tanya jumlah koperasi di aceh");
    expect(inGroup.reply.params.text).toContain("Belum ada data");
    expect(inGroup.last.reply_markup).toBeUndefined();
    const unanswered = await say(r, ASKER_CHAT, ASKER, "jumlah koperasi di aceh");
    expect(buttons(unanswered.last)).toEqual([
      { text: "Tanyakan ke petugas", callback_data: "ho:ask" },
    ]);
    // It replies to the question, so the asker sees which question the button would send.
    expect(unanswered.last.reply_to_message?.message_id).toBe(unanswered.id);
    const outOfScope = await say(r, OTHER_CHAT, OTHER, "cara daftar NIB gimana");
    expect(buttons(outOfScope.last).map((b) => b.text)).toEqual(["Tanyakan ke petugas"]);
  });

  it("confirms first, saying what will be sent, with the first name only if chosen", async () => {
    const since = fake.calls.length;
    const { questionId, confirmation } = await offer(
      r,
      ASKER_CHAT,
      ASKER,
      'koperasi <papua> & "maluku" ada brp',
    );
    expect(confirmation.reply_to_message?.message_id).toBe(questionId);
    expect(confirmation.text).toContain('Pertanyaan: "koperasi <papua> & "maluku" ada brp"');
    expect(confirmation.text).toContain("Belum ada data jumlah koperasi di Papua.");
    expect(confirmation.text).toContain("Nama depan Anda (Budi) ikut hanya jika");
    expect(buttons(confirmation).map((b) => b.text)).toEqual([
      "Kirim dengan nama (Budi)",
      "Kirim tanpa nama",
      "Batal",
    ]);
    expect(sendsTo(fake, OFFICERS.id, since)).toEqual([]);

    // Another user's client pressing the asker's buttons hands nothing over.
    const asked = fake.sentMessages(ASKER_CHAT.id).at(-2) as Message;
    const forged = await press(r, OTHER, asked, "ho:ask");
    expect(forged.params.text).toContain("tidak berlaku");
    const send = buttons(confirmation)[1] as InlineKeyboardButton.CallbackButton;
    const forgedSend = await press(r, OTHER, confirmation, send.callback_data);
    expect(forgedSend.params.text).toContain("tidak berlaku");
    expect(sendsTo(fake, OFFICERS.id, since)).toEqual([]);

    const inGroup = await confirm(r, ASKER, confirmation, "anon");
    first = { questionId, inGroup: inGroup as Message };
  });

  it("hands over question and answer without the name, and tells the asker", () => {
    const text = first.inGroup.text ?? "";
    expect(text).toMatch(/^Pertanyaan #\d+ untuk petugas/);
    expect(text).toContain('Pertanyaan: "koperasi <papua> & "maluku" ada brp"');
    expect(text).toContain("Jawaban bot:");
    expect(text).toContain("tidak membagikan namanya");
    expect(text).not.toContain("Budi");
    const told = fake.sentMessages(ASKER_CHAT.id).at(-1);
    expect(told?.text).toMatch(/sudah diteruskan ke petugas \(#\d+, tanpa nama\)/);
    expect(told?.reply_markup).toBeUndefined();
    expect(statSync(join(dataDir, "handovers.json")).mode & 0o777).toBe(0o600);
  });

  it("relays an officer's reply to the question, marked as an officer's, unnamed", async () => {
    const since = fake.calls.length;
    const reply = "Menurut catatan dinas <sekitar 1.200> koperasi & masih diverifikasi";
    const { reply: confirmed } = await say(r, OFFICERS, SARI, reply, first.inGroup);
    expect(confirmed.params.text).toMatch(/Terkirim ke penanya; #\d+ dijawab/);
    const [relayed, ...more] = sendsTo(fake, ASKER_CHAT.id, since);
    expect(more).toEqual([]);
    const message = delivered(relayed);
    expect(message.reply_to_message?.message_id).toBe(first.questionId);
    expect(message.text).toMatch(/^Jawaban petugas:\n/);
    expect(message.text).toContain(reply);
    expect(message.text).toContain("bukan angka dari berita");
    expect(message.text).not.toContain("Sari");
    expect(sendsTo(fake, OTHER_CHAT.id, since)).toEqual([]);
    // Not a figure the bot knows: its next answer does not repeat it.
    const { reply: next } = await say(r, ASKER_CHAT, ASKER, "koperasi papua berapa");
    expect(next.params.text).not.toContain("1.200");
  });

  it("takes a second question while one is open, each answer to its own question", async () => {
    second = await handOver(r, ASKER_CHAT, ASKER, "jumlah koperasi di bali", true);
    expect(second.inGroup.text).toContain("Dari: Budi");
    const third = await handOver(r, ASKER_CHAT, ASKER, "jumlah koperasi di ntb");
    // Two open is this test's limit: a third waits.
    const asked = await say(r, ASKER_CHAT, ASKER, "jumlah koperasi di riau");
    const refused = await press(r, ASKER, asked.last, "ho:ask");
    expect(refused.params).toMatchObject({ show_alert: true });
    expect(refused.params.text).toContain("sudah punya 2 pertanyaan yang menunggu petugas");

    const { reply: list } = await say(r, OFFICERS, DEDI, "/antrian");
    const ids = [second, third].map((h) => /#(\d+)/.exec(h.inGroup.text ?? "")?.[1]);
    expect(list.params.text).toMatch(
      new RegExp(`2 pertanyaan menunggu[\\s\\S]*#${ids[0]} · [\\s\\S]*#${ids[1]} · `),
    );

    const since = fake.calls.length;
    await say(r, OFFICERS, DEDI, "/nama Untuk NTB silakan hubungi dinas provinsi", third.inGroup);
    const [relayed] = sendsTo(fake, ASKER_CHAT.id, since);
    expect(delivered(relayed).reply_to_message?.message_id).toBe(third.questionId);
    expect(relayed?.params.text).toContain("Jawaban petugas (Dedi):");
    expect(relayed?.params.text).toContain("Untuk NTB silakan hubungi dinas provinsi");
  });

  it("ignores answers from outside the group, and replies to anything else", async () => {
    const since = fake.calls.length;
    fake.sendText({ chat: OFFICERS, from: OUTSIDER, text: "ada 99 ribu", replyTo: second.inGroup });
    const { last: list } = await say(r, OFFICERS, SARI, "/antrian");
    fake.sendText({ chat: OFFICERS, from: SARI, text: "oke sudah dicek", replyTo: list });
    fake.sendText({ chat: OFFICERS, from: SARI, text: "rapat jam 10" });
    // The group's updates are handled in order: once this is answered, those were handled.
    const { reply } = await say(r, OFFICERS, SARI, "/antrian");
    expect(reply.params.text).toContain("1 pertanyaan menunggu");
    expect(sendsTo(fake, ASKER_CHAT.id, since)).toEqual([]);
    expect(sendsTo(fake, OFFICERS.id, since)).toHaveLength(2);
    expect(r.logs().some((l) => l.msg === "answer from outside the officers' group ignored")).toBe(
      true,
    );
  });

  it("/tolak as a reply closes the question and sends the reason", async () => {
    const { read: how } = await say(r, OFFICERS, SARI, "/tolak bukan wewenang kami");
    expect(how).toBe("Balas pesan pertanyaan dengan /tolak <alasan>.");
    const { reply: why } = await say(r, OFFICERS, SARI, "/tolak", second.inGroup);
    expect(why.params.text).toContain("Tulis alasannya");
    const since = fake.calls.length;
    const { reply: done } = await say(
      r,
      OFFICERS,
      SARI,
      "/tolak data koperasi per provinsi <belum> kami pegang",
      second.inGroup,
    );
    expect(done.params.text).toMatch(/#\d+ ditolak/);
    const [refusal] = sendsTo(fake, ASKER_CHAT.id, since);
    expect(delivered(refusal).reply_to_message?.message_id).toBe(second.questionId);
    const text = delivered(refusal).text;
    expect(text).toBe(
      "Petugas tidak dapat menjawab pertanyaan ini.\nAlasan: data koperasi per provinsi <belum> kami pegang",
    );
    const { read: late } = await say(r, OFFICERS, DEDI, "ini jawabannya", second.inGroup);
    expect(late).toMatch(/^#\d+ sudah ditutup: ditolak petugas\. Tidak ada yang dikirim\.$/);
    expect(sendsTo(fake, ASKER_CHAT.id, since)).toHaveLength(1);
  });

  it("keeps open questions and confirmations across a restart", async () => {
    const waiting = await handOver(r, ASKER_CHAT, ASKER, "jumlah koperasi di jambi");
    const pending = await offer(r, ASKER_CHAT, ASKER, "jumlah koperasi di bengkulu");
    await r.stop();
    r = await startBot({ fake, env: env(dataDir) });

    const sent = await confirm(r, ASKER, pending.confirmation, "nama");
    expect(sent?.text).toContain("jumlah koperasi di bengkulu");
    const { reply: list } = await say(r, OFFICERS, SARI, "/antrian");
    expect(list.params.text).toContain("2 pertanyaan menunggu");
    const since = fake.calls.length;
    await say(r, OFFICERS, SARI, "Jambi belum kami data", waiting.inGroup);
    const [relayed] = sendsTo(fake, ASKER_CHAT.id, since);
    expect(relayed?.params.text).toContain("Jambi belum kami data");
    expect(delivered(relayed).reply_to_message?.message_id).toBe(waiting.questionId);
  });

  it("records an asker who blocked the bot, and never tries again", async () => {
    const blocked = await handOver(r, OTHER_CHAT, OTHER, "jumlah koperasi di aceh");
    fake.blockBot(OTHER_CHAT.id);
    const since = fake.calls.length;
    const { reply } = await say(r, OFFICERS, SARI, "ada 7 ribu", blocked.inGroup);
    expect(reply.params.text).toContain("sudah memblokir bot. Dicatat, dan tidak akan dicoba lagi");
    const tried = sendsTo(fake, OTHER_CHAT.id, since);
    expect(tried.map((c) => c.status)).toEqual([403]);
    const { read: again } = await say(r, OFFICERS, DEDI, "coba lagi", blocked.inGroup);
    expect(again).toContain("sudah ditutup: tak sampai (penanya memblokir bot)");
    expect(sendsTo(fake, OTHER_CHAT.id, since)).toHaveLength(1);
  });

  it("/belumterjawab shows each question as open, handed over, answered or refused", async () => {
    const { read: text } = await say(r, ADMIN_CHAT, ADMIN, "/belumterjawab");
    const line = (q: string) => text.split("\n").find((l) => l.includes(`"${q}"`));
    expect(line("jumlah koperasi di bengkulu")).toMatch(/— 1 diteruskan ke petugas$/);
    expect(line("jumlah koperasi di jambi")).toMatch(/— 1 dijawab petugas$/);
    expect(line("jumlah koperasi di bali")).toMatch(/— 1 ditolak petugas$/);
    expect(line("jumlah koperasi di riau")).toMatch(/— 1 terbuka$/);
    // Asked in the group, by the asker and by the other user who then blocked the bot.
    expect(line("jumlah koperasi di aceh")).toMatch(
      /— 2 terbuka, 1 tak sampai \(penanya memblokir bot\)$/,
    );
  });
});

describe("Batal, reminders and the hourly cap", () => {
  let r: Running;
  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "umkm-handover-"));
    // 0.005 minutes: a reminder after 0.3 s.
    r = await startBot({
      env: env(dataDir, { HANDOVER_REMIND_MINUTES: "0.005", HANDOVER_MAX_PER_HOUR: "1" }),
    });
    r.fake.setChatMember(OFFICERS.id, SARI, "member");
  });
  afterAll(() => r.stop());

  it("sends nothing when the asker presses Batal", async () => {
    const since = r.fake.calls.length;
    const { confirmation } = await offer(r, ASKER_CHAT, ASKER, "jumlah koperasi di ntb");
    const cancel = buttons(confirmation).find((b) => b.text === "Batal");
    r.fake.pressButton({ from: ASKER, message: confirmation, data: cancel?.callback_data ?? "" });
    const edit = await r.fake.waitForCall("editMessageText", undefined, 5000, since);
    expect(edit.params.text).toBe("Dibatalkan: tidak ada yang dikirim ke petugas.");
    expect(sendsTo(r.fake, OFFICERS.id, since)).toEqual([]);
  });

  it("reminds the group once of a question left open, and a reply to it answers", async () => {
    await say(r, OFFICERS, SARI, "/antrian");
    const since = r.fake.calls.length;
    const h = await handOver(r, ASKER_CHAT, ASKER, "jumlah koperasi di aceh");
    const call = await r.fake.waitForCall(
      "sendMessage",
      (c) => String(c.params.text).startsWith("Pengingat"),
      3000,
      since,
    );
    expect(delivered(call).reply_to_message?.message_id).toBe(h.inGroup.message_id);
    // Checked every 75 ms: a second reminder would come within this.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const reminders = sendsTo(r.fake, OFFICERS.id, since).filter((c) =>
      String(c.params.text).startsWith("Pengingat"),
    );
    expect(reminders).toHaveLength(1);
    const reminder = delivered(call);
    const relayedAt = r.fake.calls.length;
    await say(r, OFFICERS, SARI, "Aceh: tanyakan ke dinas provinsi", reminder);
    const [relayed] = sendsTo(r.fake, ASKER_CHAT.id, relayedAt);
    expect(delivered(relayed).reply_to_message?.message_id).toBe(h.questionId);
  });

  it("hands over at most HANDOVER_MAX_PER_HOUR an hour, answered or not", async () => {
    const asked = await say(r, ASKER_CHAT, ASKER, "jumlah koperasi di bali");
    const refused = await press(r, ASKER, asked.last, "ho:ask");
    expect(refused.params.text).toContain("Sudah 1 pertanyaan Anda diteruskan ke petugas");
  });
});
