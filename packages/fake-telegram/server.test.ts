import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { crc32, deflateSync } from "node:zlib";
import { Bot, GrammyError, HttpError, InputFile } from "grammy";
import type { Message, Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "./index.js";

const PRIVATE = { id: 5001, type: "private" } as const;
const GROUP = { id: -100777, type: "supergroup", title: "UMKM" } as const;

let fake: FakeTelegram;

beforeEach(async () => {
  fake = await startFakeTelegram();
});

afterEach(async () => {
  await fake.close();
});

async function api(method: string, params: Record<string, unknown> = {}, token = fake.token) {
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function sendHtml(text: string) {
  return api("sendMessage", { chat_id: PRIVATE.id, text, parse_mode: "HTML" });
}

/** A real (tiny, grey) PNG of the given size. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("routing", () => {
  it("answers getMe, refuses a wrong token and an unknown method like Telegram", async () => {
    const me = await api("getMe");
    expect(me.body).toMatchObject({
      ok: true,
      result: { id: 123456, is_bot: true, username: "umkm_test_bot" },
    });
    expect(await api("getMe", {}, "123456:wrong")).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: "Unauthorized" },
    });
    expect(await api("sendMessagez")).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: "Not Found" },
    });
    const get = await fetch(`${fake.apiRoot}/bot${fake.token}/getme`);
    expect(get.status).toBe(200);
    expect(fake.calls.map((c) => [c.method, c.status])).toEqual([
      ["getMe", 200],
      ["getMe", 401],
      ["sendMessagez", 404],
      ["getMe", 200],
    ]);
  });

  it("accepts urlencoded bodies", async () => {
    fake.sendText({ chat: PRIVATE, text: "halo" });
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, {
      method: "POST",
      body: new URLSearchParams({
        chat_id: String(PRIVATE.id),
        text: "<i>ok</i>",
        parse_mode: "HTML",
      }),
    });
    expect(await res.json()).toMatchObject({
      ok: true,
      result: { text: "ok", entities: [{ type: "italic", offset: 0, length: 2 }] },
    });
  });
});

describe("sendMessage", () => {
  beforeEach(() => {
    fake.sendText({ chat: PRIVATE, text: "halo" });
  });

  it("parses Telegram HTML into text and entities", async () => {
    const { status, body } = await sendHtml(
      '<b>Omzet</b> naik 5&#37; &amp; <a href="example.com/a?x=1&amp;y=2">sumber</a> 😀<i>x</i>\n' +
        '<pre><code class="language-ts">a &lt; b</code></pre><blockquote expandable>kutipan</blockquote>' +
        '<span class="tg-spoiler">s</span><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
    );
    expect(status).toBe(200);
    const message = body.result as Message;
    expect(message.text).toBe("Omzet naik 5% & sumber 😀x\na < bkutipans👍");
    expect(message.entities).toEqual([
      { type: "bold", offset: 0, length: 5 },
      { type: "text_link", offset: 16, length: 6, url: "http://example.com/a?x=1&y=2" },
      { type: "italic", offset: 25, length: 1 },
      { type: "pre", offset: 27, length: 5, language: "ts" },
      { type: "expandable_blockquote", offset: 32, length: 7 },
      { type: "spoiler", offset: 39, length: 1 },
      { type: "custom_emoji", offset: 40, length: 2, custom_emoji_id: "5368324170671202286" },
    ]);
    expect(message).toMatchObject({ message_id: 2, chat: { id: PRIVATE.id }, from: fake.botUser });
    expect(fake.sentMessages(PRIVATE.id)).toEqual([message]);
  });

  it("matches tdlib on astral characters, attributes, </> and nested code", async () => {
    const parsed = async (text: string) => (await sendHtml(text)).body.result as Message;
    expect(await parsed("🏟 🏟<i>🏟 &gt;<b aba   =   caba>&lt;🏟</b></i>")).toMatchObject({
      text: "🏟 🏟🏟 ><🏟",
      entities: [
        { type: "italic", offset: 5, length: 7 },
        { type: "bold", offset: 9, length: 3 },
      ],
    });
    expect(await parsed("<i>a</    > <b>b</>")).toMatchObject({
      entities: [
        { type: "italic", offset: 0, length: 1 },
        { type: "bold", offset: 2, length: 1 },
      ],
    });
    expect(
      await parsed(
        '<code class="language-fift"><pre>x</pre></code> <code class="language-x">y</code>',
      ),
    ).toMatchObject({
      entities: [
        { type: "pre", offset: 0, length: 1, language: "fift" },
        { type: "code", offset: 2, length: 1 },
      ],
    });
    expect(
      await parsed('<a href="tg://user?id=5001">Sari</a> <a href="javascript:x">y</a>'),
    ).toMatchObject({
      entities: [{ type: "text_mention", offset: 0, length: 4, user: { id: PRIVATE.id } }],
    });
  });

  it.each([
    ["<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'],
    ["Omzet <br> naik", 'Unsupported start tag "br" at byte offset 6'],
    ["a < b", 'Unsupported start tag "" at byte offset 2'],
    ["harga <b>naik", 'Can\'t find end tag corresponding to start tag "b"'],
    ["<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
    ["x</b>", "Unexpected end tag at byte offset 1"],
    ["<b>x</b", "Unclosed end tag at byte offset 4"],
    ["tail <", "Unclosed start tag at byte offset 5"],
    ['<a href="x"', "Unclosed start tag at byte offset 0"],
    ["<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    [
      "<i aba>x</i>",
      'Expected equal sign in declaration of an attribute of the tag "i" at byte offset 0',
    ],
    ["AT&T", 'Unsupported HTML entity "&T" at byte offset 2'],
    ["a & b", 'Unescaped "&" at byte offset 2'],
    ["a &nbsp; b", 'Unsupported HTML entity "&nbsp;" at byte offset 2'],
    ["1 &lt 2", 'Unterminated HTML entity "&lt" at byte offset 2'],
    // Byte offsets count UTF-8 bytes: cases from tdlib's own tests.
    ["🏟 🏟&lt;<abacaba", "Unclosed start tag at byte offset 13"],
    ["🏟 🏟&lt;<i    aba  =  ", 'Unclosed start tag "i" at byte offset 13'],
    ["🏟 🏟&lt;<i    aba  =  190azAz-.,", "Unexpected end of name token at byte offset 27"],
    ["🏟 🏟&lt;<i>a</em   >", 'Unmatched end tag at byte offset 17, expected "</i>", found "</em>"'],
  ])("rejects %j", async (text, error) => {
    const { status, body } = await sendHtml(text);
    expect(status).toBe(400);
    expect(body.description).toContain(`Bad Request: can't parse entities: ${error}`);
    expect(fake.sentMessages()).toEqual([]);
  });

  it("counts the 4096 limit in characters after parsing and trimming", async () => {
    expect((await sendHtml("x".repeat(4096))).status).toBe(200);
    expect((await sendHtml(`<b>${"x".repeat(4096)}</b>`)).status).toBe(200);
    expect((await sendHtml(`  ${"😀".repeat(4096)}\n`)).status).toBe(200);
    expect(await sendHtml("x".repeat(4097))).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: "Bad Request: message is too long" },
    });
    expect((await sendHtml("&lt;".repeat(4097))).body.description).toBe(
      "Bad Request: message is too long",
    );
  });

  it("refuses empty text, unknown chats and bad keyboards", async () => {
    const description = async (params: Record<string, unknown>) =>
      (await api("sendMessage", { chat_id: PRIVATE.id, text: "ok", ...params })).body.description;
    expect(await description({ text: "" })).toBe("Bad Request: message text is empty");
    expect(await description({ text: "<b> </b>\n", parse_mode: "HTML" })).toBe(
      "Bad Request: message text is empty",
    );
    expect(await description({ chat_id: 42 })).toBe("Bad Request: chat not found");
    const keyboard = (button: Record<string, unknown>) => ({
      reply_markup: { inline_keyboard: [[{ text: "Lihat", ...button }]] },
    });
    expect(await description(keyboard({ callback_data: "x".repeat(65) }))).toBe(
      "Bad Request: BUTTON_DATA_INVALID",
    );
    expect(await description(keyboard({ callback_data: "" }))).toBe(
      "Bad Request: BUTTON_DATA_INVALID",
    );
    expect(await description(keyboard({}))).toBe(
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    );
    expect(await description({ parse_mode: "HTML5" })).toBe("Bad Request: unsupported parse_mode");
    expect(await description({ reply_parameters: { message_id: 99 } })).toBe(
      "Bad Request: message to be replied not found",
    );
  });

  it("keeps reply_to_message and inline keyboards", async () => {
    const markup = { inline_keyboard: [[{ text: "Lihat", callback_data: "x".repeat(64) }]] };
    const { body } = await api("sendMessage", {
      chat_id: PRIVATE.id,
      text: "jawab",
      reply_parameters: { message_id: 1 },
      reply_markup: markup,
    });
    expect(body.result).toMatchObject({
      reply_to_message: { message_id: 1, text: "halo", from: { id: PRIVATE.id } },
      reply_markup: markup,
    });
    const { body: plain } = await api("sendMessage", {
      chat_id: PRIVATE.id,
      text: "tanpa papan",
      reply_markup: { remove_keyboard: true },
    });
    expect(plain.result).not.toHaveProperty("reply_markup");
  });
});

describe("members, blocked chats and replies in updates", () => {
  it("reports members from what they wrote, and what a test set", async () => {
    const member = (user_id: number) => api("getChatMember", { chat_id: GROUP.id, user_id });
    fake.sendText({ chat: GROUP, from: { id: 61, first_name: "Rina" }, text: "pagi" });
    fake.setChatMember(GROUP.id, { id: 62, first_name: "Tamu" }, "left");
    fake.sendText({ chat: GROUP, from: { id: 62 }, text: "saya komentar dari kanal" });
    fake.setChatMember(GROUP.id, { id: 63 }, "administrator");
    expect((await member(61)).body.result).toEqual({
      status: "member",
      user: { id: 61, is_bot: false, first_name: "Rina" },
    });
    expect((await member(62)).body.result).toMatchObject({ status: "left", user: { id: 62 } });
    expect((await member(63)).body.result).toMatchObject({
      status: "administrator",
      can_manage_chat: true,
    });
    expect((await member(64)).body.description).toBe("Bad Request: user not found");
    expect((await api("getChatMember", { chat_id: -42, user_id: 61 })).body.description).toBe(
      "Bad Request: chat not found",
    );
  });

  it("answers 403 for a chat whose user blocked the bot, and for nothing else", async () => {
    fake.sendText({ chat: PRIVATE, text: "halo" });
    fake.sendText({ chat: GROUP, text: "halo grup" });
    fake.blockBot(PRIVATE.id);
    const blocked = await api("sendMessage", { chat_id: PRIVATE.id, text: "x" });
    expect(blocked).toEqual({
      status: 403,
      body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
    });
    expect((await api("sendMessage", { chat_id: GROUP.id, text: "x" })).status).toBe(200);
  });

  it("carries the replied-to message, without its own reply, in a pushed update", async () => {
    fake.sendText({ chat: PRIVATE, text: "pertanyaan" });
    const answer = (
      await api("sendMessage", {
        chat_id: PRIVATE.id,
        text: "jawaban",
        reply_parameters: { message_id: 1 },
      })
    ).body.result as Message;
    fake.sendText({ chat: PRIVATE, text: "terima kasih", replyTo: answer });
    const updates = (await api("getUpdates")).body.result as Update[];
    const reply = updates.at(-1)?.message?.reply_to_message;
    expect(reply).toMatchObject({ message_id: answer.message_id, text: "jawaban" });
    expect(reply).not.toHaveProperty("reply_to_message");
  });
});

describe("editMessageText", () => {
  it("edits the bot's message, refuses no-op edits and unknown ids", async () => {
    fake.sendText({ chat: GROUP, from: { id: 7 }, text: "/start@umkm_test_bot" });
    const markup = { inline_keyboard: [[{ text: "Lagi", callback_data: "more" }]] };
    const sent = await api("sendMessage", {
      chat_id: GROUP.id,
      text: "<b>satu</b>",
      parse_mode: "HTML",
      reply_markup: markup,
    });
    const id = (sent.body.result as Message).message_id;
    const edit = (params: Record<string, unknown>) =>
      api("editMessageText", { chat_id: GROUP.id, message_id: id, ...params });

    expect(
      (await edit({ text: "<b>satu</b>", parse_mode: "HTML", reply_markup: markup })).body
        .description,
    ).toBe(
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
    expect((await edit({ text: "satu", reply_markup: markup })).status).toBe(200);
    expect((await edit({ text: "dua" })).body.result).toMatchObject({
      text: "dua",
      edit_date: expect.any(Number),
    });
    expect(fake.sentMessages(GROUP.id)).toEqual([
      expect.objectContaining({ message_id: id, text: "dua" }),
    ]);
    expect(fake.sentMessages(GROUP.id)[0]).not.toHaveProperty("reply_markup");
    expect((await edit({ message_id: 1, text: "x" })).body.description).toBe(
      "Bad Request: message can't be edited",
    );
    expect((await edit({ message_id: 999, text: "x" })).body.description).toBe(
      "Bad Request: message to edit not found",
    );
    expect((await edit({ text: "<i>x", parse_mode: "HTML" })).body.description).toBe(
      "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"i\"",
    );
  });
});

describe("getUpdates", () => {
  it("confirms updates below the offset and honours limit", async () => {
    const first = fake.sendText({ chat: PRIVATE, text: "a" });
    expect(first).toBe(1);
    fake.sendText({ chat: PRIVATE, text: "b" });
    fake.sendText({ chat: PRIVATE, text: "c" });
    const all = (await api("getUpdates")).body.result as Update[];
    expect(all.map((u) => u.message?.text)).toEqual(["a", "b", "c"]);
    const [a, b] = all.map((u) => u.update_id);
    expect(b).toBe((a ?? 0) + 1);
    const rest = (await api("getUpdates", { offset: b, limit: 1 })).body.result as Update[];
    expect(rest.map((u) => u.message?.text)).toEqual(["b"]);
    expect((await api("getWebhookInfo")).body.result).toMatchObject({
      url: "",
      pending_update_count: 2,
    });
    const last = (all[2]?.update_id ?? 0) + 1;
    expect((await api("getUpdates", { offset: last })).body.result).toEqual([]);
  });

  it("holds a long poll until an update arrives", async () => {
    const started = Date.now();
    const poll = api("getUpdates", { timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const updateId = fake.inlineQuery({ from: { id: 9 }, query: "omzet" });
    const { body } = await poll;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(body.result).toEqual([
      {
        update_id: updateId,
        inline_query: expect.objectContaining({ query: "omzet", offset: "" }),
      },
    ]);
  });

  it("answers an empty long poll after its timeout, and ends an older one with 409", async () => {
    const older = api("getUpdates", { timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const newer = await api("getUpdates", { timeout: 1 });
    expect((await older).body).toMatchObject({ ok: false, error_code: 409 });
    expect(newer.body).toEqual({ ok: true, result: [] });
  });

  it("drops update kinds left out of allowed_updates", async () => {
    await api("getUpdates", { allowed_updates: ["callback_query"] });
    fake.sendText({ chat: PRIVATE, text: "ignored" });
    expect((await api("getUpdates")).body.result).toEqual([]);
  });

  it("refuses to poll while a webhook is set, and delivers webhooks with the secret", async () => {
    const received: { secret?: string | string[]; update: Update }[] = [];
    const hook = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        received.push({
          secret: req.headers["x-telegram-bot-api-secret-token"],
          update: JSON.parse(body),
        });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    try {
      expect((await api("setWebhook", { url: "http://example.com/hook" })).body.description).toBe(
        "Bad Request: bad webhook: An HTTPS URL must be provided for webhook",
      );
      expect((await api("setWebhook", { url, secret_token: "s3cret" })).body).toEqual({
        ok: true,
        result: true,
      });
      expect((await api("getUpdates")).body).toMatchObject({ ok: false, error_code: 409 });
      expect((await api("getWebhookInfo")).body.result).toMatchObject({ url, max_connections: 40 });
      const message = { message_id: 1, date: 0, chat: PRIVATE, text: "hi" } as unknown as Message;
      expect(
        await fake.deliverWebhook(url, { message } as Omit<Update, "update_id">, "s3cret"),
      ).toBe(200);
      expect(received).toEqual([
        { secret: "s3cret", update: { update_id: expect.any(Number), message } },
      ]);
      expect((await api("deleteWebhook")).body.result).toBe(true);
      expect((await api("getUpdates")).status).toBe(200);
    } finally {
      hook.close();
    }
  });
});

describe("faults", () => {
  it("answers 429 with retry_after, 502 with nginx HTML, or drops the connection", async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    fake.injectFault("getMe", { kind: "429", retryAfter: 7 });
    fake.injectFault("getMe", { kind: "502" });
    fake.injectFault("getMe", { kind: "drop" });

    const limited = await bot.api.getMe().catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(GrammyError);
    expect(limited).toMatchObject({
      error_code: 429,
      description: "Too Many Requests: retry after 7",
      parameters: { retry_after: 7 },
    });
    const raw = await fetch(`${fake.apiRoot}/bot${fake.token}/getMe`);
    expect(raw.status).toBe(502);
    expect(await raw.text()).toContain("<h1>502 Bad Gateway</h1>");
    await expect(bot.api.getMe()).rejects.toBeInstanceOf(HttpError);
    expect((await bot.api.getMe()).username).toBe("umkm_test_bot");
    expect(fake.calls.map((c) => c.status)).toEqual([429, 502, 0, 200]);
  });

  it("applies a fault the given number of times", async () => {
    fake.injectFault("getMe", { kind: "502" }, 2);
    expect((await fetch(`${fake.apiRoot}/bot${fake.token}/getMe`)).status).toBe(502);
    expect((await fetch(`${fake.apiRoot}/bot${fake.token}/getMe`)).status).toBe(502);
    expect((await api("getMe")).status).toBe(200);
  });
});

describe("sendPhoto", () => {
  beforeEach(() => {
    fake.sendText({ chat: PRIVATE, text: "grafik" });
  });

  it("takes a multipart upload referenced by attach:// (as grammY sends it)", async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    const image = png(800, 600);
    const sent = await bot.api.sendPhoto(PRIVATE.id, new InputFile(image, "chart.png"), {
      caption: "<b>Omzet</b> UMKM",
      parse_mode: "HTML",
    });
    expect(sent.caption).toBe("Omzet UMKM");
    expect(sent.caption_entities).toEqual([{ type: "bold", offset: 0, length: 5 }]);
    expect(sent.photo?.map((p) => [p.width, p.height])).toEqual([
      [90, 68],
      [320, 240],
      [800, 600],
    ]);
    expect(sent.photo?.at(-1)?.file_size).toBe(image.length);

    const { params } = await fake.waitForCall("sendPhoto");
    const part = String(params.photo).replace("attach://", "");
    expect(params[part]).toMatchObject({ filename: "chart.png", size: image.length });
    expect((params[part] as { data: Buffer }).data.equals(image)).toBe(true);

    const again = await bot.api.sendPhoto(PRIVATE.id, sent.photo?.[0]?.file_id ?? "");
    expect(again.photo).toEqual(sent.photo);
  });

  it("checks the upload and the caption", async () => {
    const upload = async (file: Buffer, fields: Record<string, string> = {}) => {
      const form = new FormData();
      form.set("chat_id", String(PRIVATE.id));
      form.set("photo", "attach://pic");
      form.set("pic", new Blob([new Uint8Array(file)]), "pic.png");
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendPhoto`, {
        method: "POST",
        body: form,
      });
      return (await res.json()) as Record<string, unknown>;
    };
    expect(await upload(png(40, 30))).toMatchObject({
      ok: true,
      result: { photo: [{ width: 40, height: 30 }] },
    });
    expect((await upload(Buffer.from("not an image"))).description).toBe(
      "Bad Request: IMAGE_PROCESS_FAILED",
    );
    expect((await upload(png(40, 30), { caption: "x".repeat(1025) })).description).toBe(
      "Bad Request: message caption is too long",
    );
    expect(
      (await upload(png(40, 30), { caption: "<u>x", parse_mode: "HTML" })).description,
    ).toContain("can't parse entities");
    expect((await api("sendPhoto", { chat_id: PRIVATE.id })).body.description).toBe(
      "Bad Request: there is no photo in the request",
    );
  });
});

describe("documents", () => {
  it("serves a user's document through getFile and the file download path", async () => {
    const data = Buffer.from("---\noutlet: Kabar Uji\n---\nIsi berita.\n");
    fake.sendDocument({ chat: PRIVATE, fileName: "berita.txt", mimeType: "text/plain", data });
    const updates = (await api("getUpdates")).body.result as Update[];
    const document = updates[0]?.message?.document;
    expect(document).toMatchObject({
      file_name: "berita.txt",
      mime_type: "text/plain",
      file_size: data.length,
    });
    // No path is served before getFile hands it out, and never under another token.
    const file = (await api("getFile", { file_id: document?.file_id })).body.result as {
      file_path: string;
      file_size: number;
    };
    expect(file).toMatchObject({ file_size: data.length, file_path: /^documents\/file_\d+\.txt$/ });
    const download = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(data)).toBe(true);
    expect((await fetch(`${fake.apiRoot}/file/bot123456:wrong/${file.file_path}`)).status).toBe(
      404,
    );
    expect((await fetch(`${fake.apiRoot}/file/bot${fake.token}/documents/x.txt`)).status).toBe(404);
    expect((await api("getFile", { file_id: "nope" })).body.description).toBe(
      "Bad Request: invalid file_id",
    );
  });

  it("takes sendDocument uploads from grammY and sends them again by file_id", async () => {
    fake.sendText({ chat: PRIVATE, text: "unduh" });
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    const csv = Buffer.from("\uFEFFa,b\r\n1,2\r\n");
    const sent = await bot.api.sendDocument(PRIVATE.id, new InputFile(csv, "fakta.csv"), {
      caption: "<b>Tabel</b> fakta",
      parse_mode: "HTML",
    });
    expect(sent.document).toMatchObject({ file_name: "fakta.csv", file_size: csv.length });
    expect(sent.caption).toBe("Tabel fakta");
    const file = await bot.api.getFile(sent.document?.file_id ?? "");
    const download = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(csv)).toBe(true);
    const again = await bot.api.sendDocument(PRIVATE.id, sent.document?.file_id ?? "");
    expect(again.document).toEqual(sent.document);
    expect((await api("sendDocument", { chat_id: PRIVATE.id })).body.description).toBe(
      "Bad Request: there is no document in the request",
    );
  });

  it("answers 403 to a chat that blocked the bot", async () => {
    fake.sendText({ chat: PRIVATE, text: "halo" });
    fake.blockBot(PRIVATE.id);
    expect(await sendHtml("halo")).toEqual({
      status: 403,
      body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
    });
  });
});

describe("commands, callbacks and inline queries", () => {
  it("validates setMyCommands and returns them per scope", async () => {
    const set = (commands: unknown, extra: Record<string, unknown> = {}) =>
      api("setMyCommands", { commands, ...extra });
    expect((await set([{ command: "Start", description: "Mulai" }])).body.description).toBe(
      "Bad Request: BOT_COMMAND_INVALID",
    );
    expect((await set([{ command: "x".repeat(33), description: "d" }])).body.description).toBe(
      "Bad Request: command length must not exceed 32",
    );
    expect((await set([{ command: "help", description: " " }])).body.description).toBe(
      "Bad Request: command description must be non-empty",
    );
    expect((await set([{ command: "help", description: "d".repeat(257) }])).status).toBe(400);
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ command: `c${i}`, description: "d" }));
    expect((await set(tooMany)).body.description).toBe("Bad Request: BOT_COMMANDS_TOO_MUCH");
    const commands = [{ command: "start", description: "Mulai" }];
    expect((await set(commands, { language_code: "id" })).body.result).toBe(true);
    expect((await api("getMyCommands", { language_code: "id" })).body.result).toEqual(commands);
    expect((await api("getMyCommands")).body.result).toEqual([]);
  });

  it("answers each callback query once", async () => {
    fake.sendText({ chat: PRIVATE, text: "halo" });
    const markup = { inline_keyboard: [[{ text: "Lagi", callback_data: "more" }]] };
    const sent = (
      await api("sendMessage", { chat_id: PRIVATE.id, text: "x", reply_markup: markup })
    ).body.result as Message;
    expect(() =>
      fake.pressButton({ from: { id: PRIVATE.id }, message: sent, data: "less" }),
    ).toThrow(/no button with callback_data "less"/);
    fake.pressButton({ from: { id: PRIVATE.id }, message: sent, data: "more" });
    const updates = (await api("getUpdates")).body.result as Update[];
    const update = updates.find((u) => u.callback_query !== undefined);
    const id = update?.callback_query?.id;
    expect(update?.callback_query).toMatchObject({
      data: "more",
      message: { message_id: sent.message_id },
    });
    expect((await api("answerCallbackQuery", { callback_query_id: id })).body.result).toBe(true);
    expect((await api("answerCallbackQuery", { callback_query_id: id })).body.description).toBe(
      "Bad Request: query is too old and response timeout expired or query ID is invalid",
    );
  });

  it("validates inline query results", async () => {
    fake.inlineQuery({ from: { id: 9 }, query: "omzet" });
    const [update] = (await api("getUpdates")).body.result as Update[];
    const answer = (results: unknown[]) =>
      api("answerInlineQuery", { inline_query_id: update?.inline_query?.id, results });
    const article = (id: string, message_text: string) => ({
      type: "article",
      id,
      title: "Omzet",
      input_message_content: { message_text, parse_mode: "HTML" },
    });
    expect((await answer([article("a", "ok"), article("a", "ok")])).body.description).toBe(
      "Bad Request: RESULT_ID_DUPLICATE",
    );
    expect((await answer([article("x".repeat(65), "ok")])).body.description).toBe(
      "Bad Request: RESULT_ID_INVALID",
    );
    expect((await answer([article("a", "<p>x</p>")])).body.description).toBe(
      'Bad Request: can\'t parse entities: Unsupported start tag "p" at byte offset 0',
    );
    expect((await answer([article("a", "<b>ok</b>")])).body.result).toBe(true);
    expect((await answer([article("a", "ok")])).status).toBe(400);
  });
});

describe("with a grammY bot", () => {
  it("long-polls, replies, handles a button and confirms the offset on stop", async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    bot.command("start", (ctx) =>
      ctx.reply("Pilih <b>data</b>:", {
        parse_mode: "HTML",
        reply_markup: { inline_keyboard: [[{ text: "Omzet", callback_data: "omzet" }]] },
      }),
    );
    bot.callbackQuery("omzet", async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText("Omzet naik 5%");
    });
    const running = bot.start({ timeout: 10 });

    fake.sendText({ chat: PRIVATE, from: { id: PRIVATE.id, first_name: "Sari" }, text: "/start" });
    const reply = await fake.waitForCall("sendMessage");
    expect(reply.status).toBe(200);
    const [menu] = fake.sentMessages(PRIVATE.id);
    expect(menu).toMatchObject({
      text: "Pilih data:",
      chat: { id: PRIVATE.id, first_name: "Sari" },
    });

    fake.pressButton({ from: { id: PRIVATE.id }, message: menu as Message, data: "omzet" });
    await fake.waitForCall("editMessageText");
    expect((await fake.waitForCall("answerCallbackQuery")).status).toBe(200);
    expect(fake.sentMessages(PRIVATE.id)).toEqual([
      expect.objectContaining({ message_id: menu?.message_id, text: "Omzet naik 5%" }),
    ]);

    await bot.stop();
    await running;
    expect((await api("getWebhookInfo")).body.result).toMatchObject({ pending_update_count: 0 });
    // The poll bot.stop() aborts may still get its 409 from the next poll; that one is expected.
    expect(fake.calls.filter((c) => c.method !== "getUpdates" && c.status !== 200)).toEqual([]);
  });
});
