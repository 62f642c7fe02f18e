import { replyText } from "./reply-text";
import type { BotContext } from "./services";

const SLOW_DOWN = "Pertanyaannya banyak sekali 🙂 Tunggu sebentar, lalu tanya lagi ya.";

/**
 * One allowance per person for everything that makes the bot work: questions in any chat,
 * inline queries, button presses, lists and help. Past it the person is told once a minute,
 * in the way that fits what they did, and otherwise nothing is done.
 */
export async function withinLimit(ctx: BotContext): Promise<boolean> {
  const s = ctx.services;
  if (!ctx.from) return true;
  const verdict = await s.limiter.check(ctx.from.id, s.now().getTime());
  if (verdict === "ok") return true;
  if (verdict === "warn") {
    s.metrics.rateLimited.inc();
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: SLOW_DOWN });
    else if (ctx.inlineQuery)
      await ctx.answerInlineQuery([], {
        cache_time: 0,
        button: { text: "Terlalu banyak pertanyaan, tunggu sebentar", start_parameter: "bantuan" },
      });
    else await replyText(ctx, SLOW_DOWN);
  }
  return false;
}
