import { createServer } from "node:http";
import { type Bot, webhookCallback } from "grammy";
import { ALLOWED_UPDATES, registerCommands } from "../bot/create-bot";
import { remindOfficers } from "../bot/handover/reminders";
import type { BotContext, Services } from "../bot/services";
import type { WebhookConfig } from "../config";
import { serveOps } from "./ops/endpoints";
import { keepInTouch } from "./ops/keep-in-touch";

/**
 * Webhook mode: an HTTP server on PORT takes Telegram's posts at WEBHOOK_URL's path, and
 * refuses any request without the secret token. The same server answers GET /healthz and
 * GET /metrics.
 */
export async function runWebhook(
  bot: Bot<BotContext>,
  services: Services,
  config: WebhookConfig,
): Promise<() => Promise<void>> {
  const { WEBHOOK_URL, WEBHOOK_SECRET, PORT } = config;
  const url = new URL(WEBHOOK_URL);
  await bot.init();
  const handle = webhookCallback(bot, "http", { secretToken: WEBHOOK_SECRET, onTimeout: "return" });
  let closing = false;
  const server = createServer((req, res) => {
    // While stopping, a connection closes once its answer is out instead of idling in
    // keep-alive until it times out, which would hold the stop for seconds.
    res.on("finish", () => closing && setImmediate(() => server.closeIdleConnections()));
    if (serveOps(req, res, services)) return;
    if (req.method !== "POST" || req.url?.split("?")[0] !== url.pathname) {
      res.writeHead(404).end();
      return;
    }
    handle(req, res).catch((err) => {
      services.logger.error({ err }, "webhook request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(PORT, resolve));
  await bot.api.setWebhook(url.href, {
    secret_token: WEBHOOK_SECRET,
    allowed_updates: [...ALLOWED_UPDATES],
  });
  await registerCommands(bot, services);
  const stopTouching = keepInTouch(bot, services);
  const stopReminders = remindOfficers(bot.api, services);
  services.logger.info({ port: PORT, path: url.pathname }, "webhook listening");
  return async () => {
    closing = true;
    stopTouching();
    await Promise.all([
      stopReminders(),
      new Promise<void>((resolve) => server.close(() => resolve())),
    ]);
  };
}
