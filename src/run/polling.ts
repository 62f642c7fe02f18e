import { run } from "@grammyjs/runner";
import type { Bot } from "grammy";
import { ALLOWED_UPDATES, registerCommands } from "../bot/create-bot";
import { remindOfficers } from "../bot/handover/reminders";
import type { BotContext, Services } from "../bot/services";
import type { PollingConfig } from "../config";
import { startHealthServer } from "./ops/endpoints";

/**
 * Long polling with grammY runner: updates handled concurrently, each chat in order. With
 * HEALTH_PORT, GET /healthz and GET /metrics are served there.
 */
export async function runPolling(
  bot: Bot<BotContext>,
  services: Services,
  config: PollingConfig,
): Promise<() => Promise<void>> {
  const stopHealth = config.HEALTH_PORT
    ? await startHealthServer(config.HEALTH_PORT, services)
    : undefined;
  await bot.init();
  await bot.api.deleteWebhook();
  await registerCommands(bot, services);
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  const stopReminders = remindOfficers(bot.api, services);
  services.logger.info({ bot: bot.botInfo.username }, "polling");
  return async () => {
    await Promise.all([stopReminders(), runner.isRunning() && runner.stop()]);
    await stopHealth?.();
  };
}
