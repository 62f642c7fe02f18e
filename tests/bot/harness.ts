import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bot } from "grammy";
import { createBot } from "../../src/bot/create-bot";
import { type BotContext, createServices, type Services } from "../../src/bot/services";
import { readConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { dataPaths } from "../../src/paths";
import { KnowledgeStore } from "../../src/reload/store";
import { runPolling } from "../../src/run/polling";
import { runWebhook } from "../../src/run/webhook";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/server";
import { FIXTURE_SEEDS } from "../helpers/knowledge";

export const ADMIN = { id: 900, first_name: "Admin" };
export const OFFICER = { id: 501, first_name: "Sari" };
export const PRIVATE = { id: 501, type: "private" as const };
export const GROUP = { id: -1001, type: "supergroup" as const, title: "Koperasi Lampung" };

export type Running = {
  fake: FakeTelegram;
  bot: Bot<BotContext>;
  services: Services;
  stop(): Promise<void>;
};

/**
 * The real bot, as `npm start` builds it, talking to the fake Bot API over loopback HTTP
 * through TELEGRAM_API_ROOT, in polling or webhook mode.
 */
export async function startBot(
  opts: { mode?: "polling" | "webhook"; seedsDir?: string; env?: Record<string, string> } = {},
): Promise<Running> {
  const fake = await startFakeTelegram();
  const port = await freePort();
  const env = {
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    ADMIN_IDS: String(ADMIN.id),
    DATA_DIR: mkdtempSync(join(tmpdir(), "umkm-data-")),
    SEEDS_DIR: opts.seedsDir ?? FIXTURE_SEEDS,
    ...(opts.mode === "webhook"
      ? {
          WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
          WEBHOOK_SECRET: "rahasia-123",
          PORT: String(port),
        }
      : {}),
    ...opts.env,
  };
  const config = readConfig(env);
  const services = createServices({
    store: new KnowledgeStore(dataPaths(env)),
    config,
    logger: createLogger("silent"),
  });
  const bot = createBot(fake.token, services, { client: { apiRoot: fake.apiRoot } });
  const stopBot =
    opts.mode === "webhook" ? await runWebhook(bot, services) : await runPolling(bot, services);
  return {
    fake,
    bot,
    services,
    async stop() {
      await stopBot();
      await fake.close();
    },
  };
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The text of the next message the bot sends to a chat after the given call index. */
export async function nextReply(
  fake: FakeTelegram,
  chatId: number,
  since = fake.calls.length,
  method = "sendMessage",
) {
  const call = await fake.waitForCall(
    method,
    (c) => Number(c.params.chat_id) === chatId,
    5000,
    since,
  );
  return call;
}
