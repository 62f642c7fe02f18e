import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Bot } from "grammy";
import { expect } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../../packages/fake-telegram";
import { createBot } from "../../src/bot/create-bot";
import { listenForReloads } from "../../src/bot/reload-everywhere";
import { type BotContext, createServices, type Services } from "../../src/bot/services";
import { readConfig, readDataSettings } from "../../src/config";
import { KnowledgeStore } from "../../src/knowledge/store";
import { createLogger } from "../../src/logger";
import { dataPaths, projectRoot } from "../../src/paths";
import { runPolling } from "../../src/run/polling";
import { runWebhook } from "../../src/run/webhook";
import { FIXTURE_SEEDS, fixtureEnv } from "../helpers/knowledge";

export const ADMIN = { id: 900, first_name: "Admin" };
export const OFFICER = { id: 501, first_name: "Sari" };
export const PRIVATE = { id: 501, type: "private" as const };
export const GROUP = { id: -1001, type: "supergroup" as const, title: "Koperasi Lampung" };

export type Running = {
  fake: FakeTelegram;
  bot: Bot<BotContext>;
  services: Services;
  /** Every log line the bot wrote so far, parsed. */
  logs(): Record<string, unknown>[];
  stop(): Promise<void>;
};

/**
 * Every test's logs are checked for the token: the part after the colon is the secret, so
 * that is what must never appear, at any level.
 */
export function expectNoToken(logs: string, token: string): void {
  const secret = token.split(":")[1] as string;
  const leaks = logs.split("\n").filter((line) => line.includes(secret));
  expect(leaks, "log lines carrying the bot token").toEqual([]);
}

/**
 * The real bot, as `npm start` builds it, talking to the fake Bot API over loopback HTTP
 * through TELEGRAM_API_ROOT, in polling or webhook mode. It logs at debug level into memory;
 * stop() fails the test if any line carries the token.
 */
export async function startBot(
  opts: {
    mode?: "polling" | "webhook";
    seedsDir?: string;
    env?: Record<string, string>;
    sleep?: Services["sleep"];
    /** A fake already running, as for a restart: stop() then leaves it running. */
    fake?: FakeTelegram;
    /** The bot's clock, for what expires (a preview left idle). */
    now?: () => Date;
  } = {},
): Promise<Running> {
  const fake = opts.fake ?? (await startFakeTelegram());
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
  let written = "";
  const destination = new Writable({
    write(chunk, _encoding, done) {
      written += chunk;
      done();
    },
  });
  const config = readConfig(env);
  if (config.mode === "terminal") throw new Error("startBot needs a BOT_TOKEN");
  const services = createServices({
    store: new KnowledgeStore(dataPaths(readDataSettings(env))),
    config,
    logger: createLogger("debug", {
      secrets: [fake.token, config.mode === "webhook" ? config.WEBHOOK_SECRET : undefined],
      destination,
    }),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  const bot = createBot(fake.token, services, { client: { apiRoot: fake.apiRoot } });
  listenForReloads(bot.api, services);
  const stopBot =
    config.mode === "webhook"
      ? await runWebhook(bot, services, config)
      : await runPolling(bot, services, config);
  return {
    fake,
    bot,
    services,
    logs: () =>
      written
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    async stop() {
      await stopBot();
      await services.storage.close();
      if (!opts.fake) await fake.close();
      expectNoToken(written, fake.token);
    },
  };
}

export type BotProcess = {
  child: ChildProcessWithoutNullStreams;
  /** Standard error so far: the JSON log lines and anything printed before the logger. */
  stderr(): string;
  /** Resolves with the exit code; fails the test if standard error ever carried the token. */
  exited: Promise<number | null>;
};

/**
 * `node dist/src/main.js` (build it first with `npm run build`) in `root` (the project, or a
 * copy of it) with a clean environment plus `env`. Its standard error is checked for the
 * token when it exits.
 */
export function startProcess(env: Record<string, string>, root = projectRoot()): BotProcess {
  const { WEBHOOK_SECRET: _secret, ...clean } = fixtureEnv();
  const child = spawn(process.execPath, [join(root, "dist/src/main.js")], {
    cwd: root,
    env: { ...clean, DATA_DIR: mkdtempSync(join(tmpdir(), "umkm-proc-")), ...env },
  });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve)).then(
    (code) => {
      if (env.BOT_TOKEN) expectNoToken(stderr, env.BOT_TOKEN);
      return code;
    },
  );
  return { child, stderr: () => stderr, exited };
}

/** Resolves once standard error has a line matching `pattern`; rejects after `timeoutMs`. */
export async function waitForStderr(
  p: BotProcess,
  pattern: RegExp,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = p
      .stderr()
      .split("\n")
      .find((l) => pattern.test(l));
    if (line) return line;
    if (Date.now() > deadline)
      throw new Error(`no line matching ${pattern} in standard error:\n${p.stderr()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function freePort(): Promise<number> {
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
