import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Message, Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../packages/fake-telegram";
import { projectRoot } from "../src/paths";
import { ADMIN, type BotProcess, freePort, startProcess, waitForStderr } from "./bot/harness";
import { copyOfSeeds } from "./helpers/knowledge";
import {
  NO_REDIS_MESSAGE,
  REDIS_SERVER,
  type RedisServer,
  startRedis,
} from "./helpers/redis-server";

/*
 * Issue 15: two bot processes in webhook mode behind one real Redis, as two replicas of the
 * image would run. Each test uses its own people, so that none depends on another's state.
 */

const SECRET = "rahasia-123";
const PERCENT = "brp persen umkm lampung yg udh digital";
const WITH_CONTEXT = /^<b>21 persen — persentase UMKM yang sudah go digital di Jawa Barat/;
const WITHOUT_CONTEXT = /^<b>4,6 juta — jumlah UMKM di Jawa Barat/;
const BALI = `---
outlet: Kabar Bali
published: 2024-05-06
title: UMKM Bali makin digital
---
Denpasar (Kabar Bali) - Jumlah UMKM di Bali mencapai 412.345 unit per April 2024.
`;

type Instance = { proc: BotProcess; port: number; url: string };
type Person = { id: number; is_bot: false; first_name: string };

if (!REDIS_SERVER) console.warn(NO_REDIS_MESSAGE);

describe.skipIf(!REDIS_SERVER)("two instances sharing one Redis", () => {
  let fake: FakeTelegram;
  let redis: RedisServer;
  let seeds: string;
  let one: Instance;
  let two: Instance;
  let messageId = 1;

  const start = async (): Promise<Instance> => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram`;
    const proc = startProcess({
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      WEBHOOK_URL: url,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      REDIS_URL: redis.url,
      ADMIN_IDS: String(ADMIN.id),
      SEEDS_DIR: seeds,
      RATE_LIMIT_PER_MINUTE: "4",
    });
    await waitForStderr(proc, /webhook listening/);
    const instance = { proc, port, url };
    await until(async () => (await health(instance)).body.storage.up);
    return instance;
  };

  const stop = async (i: Instance) => {
    i.proc.child.kill("SIGTERM");
    expect(await i.proc.exited).toBe(0);
  };

  const person = (id: number): Person => ({ id, is_bot: false, first_name: `Petugas ${id}` });

  /** Posts a text message to the instance as Telegram would; the bot's messages to the chat after it. */
  const say = async (to: Instance, from: Person, text: string): Promise<string[]> => {
    const since = fake.calls.length;
    const command = /^\/\w+/.exec(text)?.[0];
    const message: Message.TextMessage & Update.NonChannel = {
      message_id: messageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: "private", first_name: from.first_name },
      from,
      text,
      ...(command && { entities: [{ type: "bot_command", offset: 0, length: command.length }] }),
    };
    // The webhook answers once the update is handled, so its messages are out by then.
    expect(await fake.deliverWebhook(to.url, { message }, SECRET)).toBe(200);
    return sentTo(from.id, since);
  };

  const sentTo = (chatId: number, since: number) =>
    fake.calls
      .slice(since)
      .filter((c) => c.method === "sendMessage" && Number(c.params.chat_id) === chatId)
      .map((c) => String(c.params.text));

  beforeAll(async () => {
    expect(spawnSync("npm", ["run", "-s", "build"], { cwd: projectRoot() }).status).toBe(0);
    [fake, redis] = await Promise.all([startFakeTelegram(), startRedis()]);
    seeds = copyOfSeeds();
    [one, two] = await Promise.all([start(), start()]);
  }, 30_000);

  afterAll(async () => {
    for (const i of [one, two]) if (i?.proc.child.exitCode === null) i.proc.child.kill("SIGTERM");
    await Promise.all([one?.proc.exited, two?.proc.exited]);
    await redis?.stop();
    await fake?.close();
  });

  it("1. a follow-up answered by the other instance keeps the context", async () => {
    const sari = person(7001);
    expect((await say(one, sari, PERCENT))[0]).toMatch(/^<b>70 persen/);
    expect((await say(two, sari, "kalau Jawa Barat?"))[0]).toMatch(WITH_CONTEXT);
  });

  it("2. a button from one instance's answer works when the other handles the press", async () => {
    const budi = person(7002);
    await say(one, budi, "umkm jawa berapa");
    const asked = fake.sentMessages(budi.id).at(-1) as Message;
    const button = asked.reply_markup?.inline_keyboard.flat()[0] as { callback_data: string };
    expect(button.callback_data).toMatch(/^pick:[0-9a-f]{12}:0$/);
    const since = fake.calls.length;
    const press: Omit<Update, "update_id"> = {
      callback_query: {
        id: "press-1",
        from: budi,
        chat_instance: "budi",
        message: asked,
        data: button.callback_data,
      },
    };
    expect(await fake.deliverWebhook(two.url, press, SECRET)).toBe(200);
    const edit = await fake.waitForCall("editMessageText", undefined, 5000, since);
    expect(String(edit.params.text)).toMatch(/^<b>4,6 juta — jumlah UMKM di Jawa Barat/);
  });

  it("3. rate limits count across both instances", async () => {
    const rina = person(7003);
    for (const to of [one, two, one, two])
      expect((await say(to, rina, "jabar umkm ada brp"))[0]).toMatch(/^<b>4,6 juta/);
    expect(await say(one, rina, "jabar umkm ada brp")).toEqual([
      "Pertanyaannya banyak sekali 🙂 Tunggu sebentar, lalu tanya lagi ya.",
    ]);
    // Told once, by whichever instance: the other stays quiet too.
    expect(await say(two, rina, "jabar umkm ada brp")).toEqual([]);
  });

  it("4. /reload on one instance reloads both, and each reports to the admin", async () => {
    const citizen = person(7004);
    const admin = { ...ADMIN, is_bot: false as const };
    expect((await say(two, citizen, "jumlah umkm bali berapa"))[0]).toContain("Belum ada data");
    writeFileSync(join(seeds, "articles", "005_kabar_bali.txt"), BALI);
    const since = fake.calls.length;
    const [own] = await say(one, admin, "/reload");
    expect(own).toMatch(/^Data dimuat ulang: \+1 artikel \(Kabar Bali, 6 Mei 2024\)/);
    const other = await fake.waitForCall(
      "sendMessage",
      (c) => String(c.params.text).startsWith("Instans "),
      5000,
      since,
    );
    expect(String(other.params.text)).toMatch(
      new RegExp(`^Instans .+#${two.proc.child.pid}: Data dimuat ulang: \\+1 artikel`),
    );
    expect((await say(two, citizen, "jumlah umkm bali berapa"))[0]).toContain("412.345 unit");
  });

  it("shows /healthz and /metrics, with no token, user id or question", async () => {
    const h = await health(one);
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({
      status: "ok",
      facts: expect.any(Number),
      articles: 6,
      lastReload: { ok: true },
      storage: { kind: "redis", up: true },
    });
    expect(h.body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    const metrics = await (await fetch(`http://127.0.0.1:${one.port}/metrics`)).text();
    expect(metrics).toMatch(/^umkm_questions_total\{outcome="answered"\} [1-9]/m);
    expect(metrics).toMatch(/^umkm_answer_seconds_bucket\{le="0.005"\} [1-9]/m);
    expect(metrics).toMatch(/^umkm_updates_total\{type="message"\} [1-9]/m);
    expect(metrics).toMatch(/^umkm_reloads_total\{result="ok"\} 1$/m);
    expect(metrics).toMatch(/^umkm_rate_limited_users_total 1$/m);
    expect(metrics).toMatch(/^umkm_storage_up 1$/m);
    for (const text of [JSON.stringify(h.body), metrics]) {
      expect(text).not.toContain(fake.token.split(":")[1]);
      expect(text).not.toContain("7001");
      expect(text).not.toContain("lampung");
    }
  });

  it("5. restarting both keeps the conversation", async () => {
    const dewi = person(7005);
    expect((await say(one, dewi, PERCENT))[0]).toMatch(/^<b>70 persen/);
    await Promise.all([stop(one), stop(two)]);
    [one, two] = await Promise.all([start(), start()]);
    expect((await say(two, dewi, "kalau Jawa Barat?"))[0]).toMatch(WITH_CONTEXT);
  }, 30_000);

  it("6. without Redis, answers go on and follow-ups stop; with it back, they return", async () => {
    const eko = person(7006);
    await redis.kill();
    await until(async () => !(await health(one)).body.storage.up);
    expect((await say(one, eko, PERCENT))[0]).toMatch(/^<b>70 persen/);
    expect((await say(two, eko, "kalau Jawa Barat?"))[0]).toMatch(WITHOUT_CONTEXT);
    expect((await say(one, eko, "umkm jawa berapa"))[0]).toContain("Maksudnya yang mana");
    const h = await health(two);
    expect(h.status).toBe(200);
    expect(h.body.storage).toEqual({ kind: "redis", up: false });
    for (const i of [one, two]) {
      expect(i.proc.child.exitCode).toBeNull();
      const warned = i.proc.stderr().match(/Redis unreachable/g) ?? [];
      expect(warned).toHaveLength(1);
    }

    await redis.restart();
    await until(
      async () => (await health(one)).body.storage.up && (await health(two)).body.storage.up,
    );
    expect((await say(two, eko, PERCENT))[0]).toMatch(/^<b>70 persen/);
    expect((await say(one, eko, "kalau Jawa Barat?"))[0]).toMatch(WITH_CONTEXT);
    for (const i of [one, two]) expect(i.proc.stderr()).toContain("Redis reachable again");
  }, 30_000);
});

async function health(i: Instance) {
  const res = await fetch(`http://127.0.0.1:${i.port}/healthz`);
  return {
    status: res.status,
    body: (await res.json()) as {
      status: string;
      uptimeSeconds: number;
      storage: { kind: string; up: boolean };
    },
  };
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}
