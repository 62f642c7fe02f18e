import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotConfig, type BotError } from "grammy";
import type { Update } from "grammy/types";
import { commandMenu } from "./commands";
import { addArticleFeature } from "./features/add-article";
import { adminFeature } from "./features/admin";
import { articlesFeature } from "./features/articles";
import { askFeature } from "./features/ask";
import { buttonsFeature } from "./features/buttons";
import { downloadFeature } from "./features/download";
import { handoverFeature } from "./features/handover";
import { infoFeature } from "./features/info";
import { inlineFeature } from "./features/inline";
import { officersDeskFeature } from "./features/officers-desk";
import { subscriptionsFeature } from "./features/subscriptions";
import { welcomeFeature } from "./features/welcome";
import { holdFloodWaits } from "./flood-wait";
import { htmlByDefault } from "./html-by-default";
import { watchReachability } from "./reachability";
import type { BotContext, Services } from "./services";

export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;

/** The bot, whatever carries its updates: long polling, a webhook, or the terminal. */
export function createBot(
  token: string,
  services: Services,
  config?: BotConfig<BotContext>,
): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, config);
  // Innermost first: each attempt is watched, auto-retry repeats short waits, and the
  // outermost holds the calls auto-retry gives up on for a long flood wait.
  bot.api.config.use(htmlByDefault);
  bot.api.config.use(services.apiContact.transformer);
  bot.api.config.use(
    watchReachability(config?.client?.apiRoot ?? "https://api.telegram.org", services.logger),
  );
  bot.api.config.use(autoRetry({ maxRetryAttempts: 4, maxDelaySeconds: 30 }));
  bot.api.config.use(holdFloodWaits(services));
  // Counted before anything else, so a shutdown knows what is still being answered.
  bot.use(services.inFlight.middleware);
  bot.use((ctx, next) => {
    services.metrics.updates.inc({ type: updateType(ctx.update) });
    return next();
  });
  // One chat's updates in order, so a follow-up never overtakes the question it follows.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use((ctx, next) => {
    ctx.services = services;
    return next();
  });
  const logFailure = (err: BotError<BotContext>) =>
    services.logger.error({ err: err.error, update: err.ctx.update.update_id }, "update failed");
  bot.errorBoundary(
    async (err) => {
      logFailure(err);
      if (err.ctx.chat)
        await err.ctx
          .reply("Maaf, ada gangguan saat menjawab. Coba lagi sebentar lagi.")
          .catch(() => undefined);
    },
    adminFeature,
    addArticleFeature,
    articlesFeature,
    downloadFeature,
    subscriptionsFeature,
    welcomeFeature,
    infoFeature,
    // Before ask: in the officers' group a reply to the bot answers a handover, not asks it.
    officersDeskFeature,
    askFeature,
    handoverFeature,
    buttonsFeature,
    inlineFeature,
  );
  bot.catch(logFailure);
  return bot;
}

/** "message", "callback_query", "inline_query", …: the one field an update has besides its id. */
function updateType(update: Update): string {
  return Object.keys(update).find((k) => k !== "update_id") ?? "unknown";
}

/** Commands in the Telegram menu; a failure is logged, never fatal. */
export async function registerCommands(bot: Bot<BotContext>, services: Services): Promise<void> {
  try {
    await bot.api.setMyCommands(commandMenu());
  } catch (err) {
    services.logger.warn({ err }, "setMyCommands failed; the commands still work");
  }
  if (!services.handover) return;
  try {
    await bot.api.setMyCommands(commandMenu(true), {
      scope: { type: "chat", chat_id: services.handover.chatId },
    });
  } catch (err) {
    // Most likely the bot is not in that group yet: handovers will fail until it is.
    services.logger.warn(
      { err },
      "cannot set the commands in OFFICERS_CHAT_ID; is the bot a member of that group?",
    );
  }
}
