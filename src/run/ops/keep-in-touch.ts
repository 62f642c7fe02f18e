import type { Bot } from "grammy";
import type { BotContext, Services } from "../../bot/services";

const EVERY_MS = 30_000;
const QUIET_MS = 60_000;

/**
 * A webhook bot with no one asking makes no Bot API call, and its health check could not
 * tell quiet from cut off: after a minute without contact it asks getMe. Polling never goes
 * quiet that long, so there this does nothing.
 */
export function keepInTouch(bot: Bot<BotContext>, s: Services): () => void {
  const timer = setInterval(() => {
    const last = s.apiContact.lastAt?.getTime() ?? 0;
    if (s.now().getTime() - last > QUIET_MS) bot.api.getMe().catch(() => undefined);
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
