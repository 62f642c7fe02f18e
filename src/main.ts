import { setTimeout as delay } from "node:timers/promises";
import { config as loadDotenv } from "dotenv";
import { createBot } from "./bot/create-bot";
import { listenForReloads, reloadHere } from "./bot/reload-everywhere";
import { createServices, type Services } from "./bot/services";
import { type Config, ConfigError, readConfig, type TelegramConfig } from "./config";
import { DataFileError } from "./files/data-file-error";
import { KnowledgeStore } from "./knowledge/store";
import { createLogger } from "./logger";
import { dataPaths } from "./paths";
import { runPolling } from "./run/polling";
import { runTerminal, TERMINAL_USER } from "./run/terminal";
import { runWebhook } from "./run/webhook";

loadDotenv({ quiet: true });

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  let config: Config;
  let store: KnowledgeStore;
  try {
    config = readConfig(process.env);
    store = new KnowledgeStore(dataPaths(config));
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    if (e instanceof DataFileError) fail(`Data tidak valid: ${e.message}`);
    throw e;
  }
  const terminal = config.mode === "terminal";
  const logger = createLogger(config.LOG_LEVEL ?? (terminal ? "warn" : "info"), {
    secrets: secretsOf(config),
  });
  const services = createServices({
    store,
    config,
    logger,
    extraAdmins: terminal ? [TERMINAL_USER.id] : [],
  });
  process.on("SIGHUP", () => {
    reloadOnSignal(services).catch((err) => logger.error({ err }, "reload on SIGHUP failed"));
  });

  if (config.mode === "terminal") {
    console.error(
      "BOT_TOKEN tidak diisi: bot berjalan di terminal. Ketik pertanyaan atau /bantuan; Ctrl+D untuk keluar.",
    );
    await runTerminal(services, process.stdin, process.stdout);
    await services.storage.close();
    return;
  }
  await runBot(config, services);
}

async function runBot(config: TelegramConfig, services: Services) {
  const { logger } = services;
  const bot = createBot(config.BOT_TOKEN, services, {
    client: { apiRoot: config.TELEGRAM_API_ROOT },
  });
  listenForReloads(bot.api, services);
  // Set before connecting: while the Bot API is unreachable the bot keeps trying, and a
  // stop must still work then.
  let stop: (() => Promise<void>) | undefined;
  const shutdown = async (signal: string) => {
    const graceMs = config.SHUTDOWN_GRACE_MS;
    logger.info({ signal, graceMs }, "stopping: no new updates, finishing those in hand");
    const deadline = Date.now() + graceMs;
    await Promise.race([stop?.(), delay(graceMs)]);
    const left = await services.inFlight.drain(Math.max(0, deadline - Date.now()));
    // Saves the conversations, so the next start goes on with them.
    await Promise.race([services.storage.close(), delay(Math.max(0, deadline - Date.now()))]);
    if (left) logger.warn({ left, graceMs }, "grace period over; exiting with updates unanswered");
    else logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  try {
    stop =
      config.mode === "webhook"
        ? await runWebhook(bot, services, config)
        : await runPolling(bot, services, config);
  } catch (err) {
    logger.fatal({ err }, "could not start the bot");
    process.exit(1);
  }
}

/** Cut from every log line, whatever put them there. */
function secretsOf(config: Config): (string | undefined)[] {
  const redisPassword = config.REDIS_URL && new URL(config.REDIS_URL).password;
  return [
    config.mode !== "terminal" ? config.BOT_TOKEN : undefined,
    config.mode === "webhook" ? config.WEBHOOK_SECRET : undefined,
    redisPassword || undefined,
  ];
}

async function reloadOnSignal(services: Services) {
  const r = await reloadHere(services, { signal: "SIGHUP" });
  if (r.ok) services.logger.info({ seconds: r.seconds, changes: r.summary }, "reloaded on SIGHUP");
  else services.logger.error({ error: r.error }, "reload on SIGHUP failed; old facts kept");
}

await main();
