import { type Api, GrammyError } from "grammy";
import type { Logger } from "../logger";
import type { SubscriptionStore } from "../subscriptions/subscription-store";
import { escapeHtml } from "./html";

export type BroadcastResult = { sent: number; dropped: number; failed: number };

/**
 * Broadcasts one after the other: two articles saved a moment apart must not send at twice
 * the rate.
 */
type BroadcastNeeds = {
  subscriptions: SubscriptionStore;
  perSecond: number;
  sleep: (ms: number) => Promise<void>;
  logger: Logger;
};

export class Broadcaster {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly needs: BroadcastNeeds) {}

  send(api: Api, text: string): Promise<BroadcastResult> {
    const run = this.queue.then(() => broadcast(api, this.needs, text));
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * One message to every subscribed chat, at most BROADCAST_PER_SECOND a second (Telegram's
 * limit for a bot is about 30). A chat that blocked the bot or removed it (403) is dropped
 * from the subscriptions and never tried again; flood waits are handled by the API client.
 */
async function broadcast(api: Api, s: BroadcastNeeds, text: string): Promise<BroadcastResult> {
  const chats = await s.subscriptions.list();
  const result: BroadcastResult = { sent: 0, dropped: 0, failed: 0 };
  const interval = 1000 / s.perSecond;
  let nextAt = 0;
  for (const chat of chats) {
    const wait = nextAt - performance.now();
    if (wait > 0) await s.sleep(wait);
    nextAt = performance.now() + interval;
    try {
      await api.sendMessage(chat, escapeHtml(text), {
        link_preview_options: { is_disabled: true },
      });
      result.sent++;
    } catch (err) {
      if (err instanceof GrammyError && err.error_code === 403) {
        await s.subscriptions.remove(chat);
        result.dropped++;
      } else {
        result.failed++;
        s.logger.warn({ err }, "broadcast: a message was not sent");
      }
    }
  }
  s.logger.info(result, "broadcast");
  return result;
}
