import { answerToHtml, escapeHtml, splitMessage } from "./html";
import type { BotContext } from "./services";

type ReplyOptions = Parameters<BotContext["reply"]>[1];

/** Quotes a message, and still sends when it has been deleted meanwhile. */
export function quoting(messageId: number) {
  return { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } };
}

/** In groups a reply quotes the message it answers; in a private chat that is clutter. */
export function replyTo(ctx: BotContext): ReplyOptions {
  const id = ctx.msg?.message_id;
  return ctx.chat?.type !== "private" && id ? quoting(id) : {};
}

/**
 * Plain text as HTML messages Telegram accepts: escaped and split at its length limit, so
 * that no text, however long (a reload's summary, a refused file's line), is refused.
 */
export async function replyText(ctx: BotContext, text: string): Promise<void> {
  for (const [i, piece] of splitMessage(text).entries())
    await ctx.reply(escapeHtml(piece), { ...(i === 0 ? replyTo(ctx) : {}) });
}

/** Text written like an answer, its first line the headline: in bold, escaped, split to fit. */
export async function replyHeadlined(ctx: BotContext, text: string): Promise<void> {
  for (const [i, html] of answerToHtml(text).entries())
    await ctx.reply(html, i === 0 ? replyTo(ctx) : {});
}
