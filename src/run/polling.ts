import { run } from "@grammyjs/runner";
import type { Bot } from "grammy";
import { ALLOWED_UPDATES, registerCommands } from "../bot/create-bot";
import { remindOfficers } from "../bot/handover/reminders";
import type { BotContext, Services } from "../bot/services";

/** Long polling with grammY runner: updates handled concurrently, each chat in order. */
export async function runPolling(
  bot: Bot<BotContext>,
  services: Services,
): Promise<() => Promise<void>> {
  await bot.init();
  await bot.api.deleteWebhook();
  await registerCommands(bot, services);
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  const stopReminders = remindOfficers(bot.api, services);
  services.logger.info({ bot: bot.botInfo.username }, "polling");
  return async () => {
    await Promise.all([stopReminders(), runner.isRunning() && runner.stop()]);
  };
}
