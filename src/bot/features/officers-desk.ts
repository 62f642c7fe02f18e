import { Composer, GrammyError } from "grammy";
import { deskOf, isOfficer } from "../handover/desk";
import { type HandedOver, type Handover, handedOver } from "../handover/store";
import { officersAnswer, officersRefusal, queue, STATUS_WORDS } from "../handover/texts";
import { answerToHtml } from "../html";
import { quoting, replyText } from "../reply-text";
import type { BotContext } from "../services";
import { withinLimit } from "../within-limit";

/**
 * The officers' side of a handover, in the officers' group only: a reply to a handed-over
 * question answers it, "/tolak <alasan>" as a reply closes it, /antrian lists what waits.
 * Only members of the group count; anyone else is ignored.
 */
export const officersDeskFeature = new Composer<BotContext>();

const desk = officersDeskFeature.filter(
  (ctx) => ctx.services.handover !== undefined && ctx.chat?.id === ctx.services.handover.chatId,
);

desk.command("antrian", async (ctx) => {
  if (!(await isOfficer(ctx)) || !(await withinLimit(ctx))) return;
  const s = ctx.services;
  const open = (await deskOf(ctx).store.list())
    .filter((h) => h.status === "open")
    .sort((a, b) => String(a.handedAt).localeCompare(String(b.handedAt)));
  for (const html of answerToHtml(queue(open, s.now().getTime()))) await ctx.reply(html);
});

desk.command("tolak", async (ctx) => {
  const h = await repliedTo(ctx);
  if (!(await isOfficer(ctx))) return;
  if (!h) return replyText(ctx, "Balas pesan pertanyaan dengan /tolak <alasan>.");
  const reason = ctx.match.trim();
  if (!reason)
    return replyText(ctx, "Tulis alasannya: /tolak <alasan>. Alasan itu dikirim ke penanya.");
  await close(ctx, h, officersRefusal(reason), "refused");
});

// A reply to one of the bot's messages that is not a handover is ignored, not taken for a
// question: in this group, replies are how officers answer. /tanya still asks the bot.
desk.on("message:text").filter(
  (ctx) => ctx.msg.reply_to_message?.from?.id === ctx.me.id,
  async (ctx, next) => {
    const named = /^\/nama(?:@\w+)?(?:\s+|$)/i.exec(ctx.msg.text);
    if (ctx.msg.text.startsWith("/") && !named) return next();
    const h = await repliedTo(ctx);
    if (!h) return;
    if (!(await isOfficer(ctx))) {
      ctx.services.logger.warn(
        { handover: h.id, user: ctx.services.userHash.of(ctx.from.id) },
        "answer from outside the officers' group ignored",
      );
      return;
    }
    const text = named ? ctx.msg.text.slice(named[0].length).trim() : ctx.msg.text;
    if (!text) return replyText(ctx, "Tulis jawabannya setelah /nama.");
    await close(ctx, h, officersAnswer(text, named ? ctx.from.first_name : undefined), "answered");
  },
);

/** The handover whose message (or reminder) this message replies to. */
async function repliedTo(ctx: BotContext): Promise<HandedOver | undefined> {
  const id = ctx.msg?.reply_to_message?.message_id;
  if (id === undefined || ctx.msg?.reply_to_message?.from?.id !== ctx.me.id) return undefined;
  return (await deskOf(ctx).store.list())
    .filter(handedOver)
    .find((h) => h.officersMessageId === id || h.reminderMessageId === id);
}

/**
 * Sends the officer's answer or refusal to the asker, as a reply to their question, once.
 * An asker who blocked the bot (403) is recorded as such and never tried again.
 */
async function close(
  ctx: BotContext,
  h: HandedOver,
  text: string,
  status: "answered" | "refused",
): Promise<void> {
  const s = ctx.services;
  if (h.status !== "open")
    return replyText(
      ctx,
      `#${h.id} sudah ditutup: ${STATUS_WORDS[h.status]}. Tidak ada yang dikirim.`,
    );
  let outcome: Handover["status"] = status;
  try {
    for (const [i, html] of answerToHtml(text).entries())
      await ctx.api.sendMessage(h.askerChatId, html, {
        ...(i === 0 && quoting(h.questionMessageId)),
      });
  } catch (err) {
    if (!(err instanceof GrammyError && err.error_code === 403)) throw err;
    outcome = "blocked";
  }
  await deskOf(ctx).store.update(h.id, (fresh) =>
    fresh.status === "open"
      ? { ...fresh, status: outcome, closedAt: s.now().toISOString() }
      : undefined,
  );
  s.logger.info({ handover: h.id, status: outcome }, "handover closed");
  await replyText(
    ctx,
    outcome === "blocked"
      ? `Tidak terkirim: penanya #${h.id} sudah memblokir bot. Dicatat, dan tidak akan dicoba lagi.`
      : outcome === "answered"
        ? `Terkirim ke penanya; #${h.id} dijawab.`
        : `Alasan terkirim ke penanya; #${h.id} ditolak.`,
  );
}
