import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeTelegram } from "../packages/fake-telegram";
import { createServices } from "../src/bot/services";
import { readConfig, readDataSettings } from "../src/config";
import type { Knowledge } from "../src/knowledge/knowledge";
import { KnowledgeStore } from "../src/knowledge/store";
import { createLogger } from "../src/logger";
import { dataPaths } from "../src/paths";
import { EmbeddedStorage } from "../src/storage/embedded";
import { RedisStorage } from "../src/storage/redis";
import type { Storage } from "../src/storage/storage";
import { startProcess } from "../tests/bot/harness";
import { REDIS_SERVER, startRedis } from "../tests/helpers/redis-server";
import { benchBot, questionUpdate } from "./bench-bot";
import { round, summarize } from "./measure";

type Row = [string, string, string?];

const PERCENT = "brp persen umkm lampung yg udh digital";
const FOLLOW_UP = "kalau Jawa Barat?";
const WITH_CONTEXT = /^<b>21 persen/;

/**
 * The grammY pipeline in process (the API answered in process) with each storage: what Redis
 * adds to an update is its round trips (rate limit, follow-up read and write) on loopback.
 */
export async function storageLatency(knowledge: Knowledge, questions: string[]): Promise<Row[]> {
  if (!REDIS_SERVER) return [["added latency per update, Redis", "skipped: no redis-server"]];
  const redis = await startRedis();
  const logger = createLogger("silent");
  const dir = mkdtempSync(join(tmpdir(), "bench-storage-"));
  const perUpdate = async (storage: Storage) => {
    const config = readConfig({ DATA_DIR: dir, RATE_LIMIT_PER_MINUTE: "100000000" });
    const services = createServices({
      store: new KnowledgeStore(dataPaths(readDataSettings({})), knowledge),
      config,
      logger,
      storage,
    });
    const bot = benchBot(services);
    const update = (i: number) => questionUpdate(i, questions);
    for (let i = 0; i < 300; i++) await bot.handleUpdate(update(i));
    const ms: number[] = [];
    for (let i = 0; i < 3_000; i++) {
      const t = performance.now();
      await bot.handleUpdate(update(i));
      ms.push(performance.now() - t);
    }
    await storage.close();
    return summarize(ms);
  };
  const embedded = await perUpdate(new EmbeddedStorage({ dir, logger }));
  const shared = new RedisStorage(redis.url, logger);
  while (!shared.up) await new Promise((r) => setTimeout(r, 10));
  const viaRedis = await perUpdate(shared);
  await redis.stop();
  const added = (a: number, b: number) => round(b - a, 3);
  return [
    [
      "pipeline per update, embedded / Redis (loopback)",
      `p50 ${round(embedded.p50)} / ${round(viaRedis.p50)} ms, p99 ${round(embedded.p99)} / ${round(viaRedis.p99)} ms`,
    ],
    [
      "added latency per update with Redis",
      `p50 +${added(embedded.p50, viaRedis.p50)} ms, p99 +${added(embedded.p99, viaRedis.p99)} ms`,
      "< 1 ms on loopback",
    ],
  ];
}

/**
 * A bot process with 1,000 open conversations, stopped with SIGTERM and started again: how
 * long each takes, and how many of the 1,000 follow-ups still have their context after.
 */
export async function restartWithConversations(): Promise<Row[]> {
  const rows: Row[] = [];
  const modes: [string, Record<string, string>][] = [["DATA_DIR files", {}]];
  const redis = REDIS_SERVER ? await startRedis() : undefined;
  if (redis) modes.push(["Redis", { REDIS_URL: redis.url }]);
  for (const [label, extra] of modes) {
    const fake = await startFakeTelegram();
    const dataDir = mkdtempSync(join(tmpdir(), "bench-restart-"));
    const env = {
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATA_DIR: dataDir,
      RATE_LIMIT_PER_MINUTE: "1000",
      LOG_LEVEL: "warn",
      ...extra,
    };
    const people = Array.from({ length: 1_000 }, (_, i) => 20_000 + i);
    const askAll = async (text: string) => {
      const since = fake.calls.length;
      for (const id of people) fake.sendText({ chat: { id, type: "private" }, from: { id }, text });
      const replies = await Promise.all(
        people.map((id) =>
          fake.waitForCall("sendMessage", (c) => Number(c.params.chat_id) === id, 30_000, since),
        ),
      );
      return replies.map((c) => String(c.params.text));
    };
    const ready = async () => {
      const proc = startProcess(env);
      const t = performance.now();
      await fake.waitForCall("setMyCommands", undefined, 20_000, fake.calls.length);
      return { proc, ms: performance.now() - t };
    };
    const first = await ready();
    await askAll(PERCENT);
    const stopStarted = performance.now();
    first.proc.child.kill("SIGTERM");
    await first.proc.exited;
    const stopMs = performance.now() - stopStarted;
    const second = await ready();
    const kept = (await askAll(FOLLOW_UP)).filter((t) => WITH_CONTEXT.test(t)).length;
    second.proc.child.kill("SIGTERM");
    await second.proc.exited;
    await fake.close();
    const size =
      label === "Redis"
        ? ""
        : `, state.json ${round(statSync(join(dataDir, "state.json")).size / 1024, 0)} KB`;
    rows.push([
      `restart with 1,000 conversations, ${label}`,
      `stop ${Math.round(stopMs)} ms, start ${Math.round(second.ms)} ms${size}; ${kept}/1,000 kept`,
      "all kept",
    ]);
  }
  await redis?.stop();
  return rows;
}
