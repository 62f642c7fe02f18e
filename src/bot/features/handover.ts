import { Composer, InlineKeyboard } from "grammy";
import { deskOf } from "../handover/desk";
import { handoverRefusal } from "../handover/limits";
import { type Handover, handedOver } from "../handover/store";
import {
  clip,
  clipAnswer,
  clipName,
  clipQuestion,
  confirmation,
  forOfficers,
  passedOn,
} from "../handover/texts";
import { firstHtmlMessage } from "../html";
import { quoting } from "../reply-text";
import type { BotContext } from "../services";
import { withinLimit } from "../within-limit";

/**
 * The asker's side of handing a question to the officers: the "Tanyakan ke petugas" button
 * under an answer the bot could not give, a confirmation that says what will be sent, and the
 * handover itself. The officers' side is in officers-desk.ts.
 */
export const handoverFeature = new Composer<BotContext>();

const desk = handoverFeature.chatType("private").filter((ctx) => Boolean(ctx.services.handover));

const EXPIRED = "Tombol ini sudah tidak berlaku. Silakan tanya lagi.";

// The answer with the button replies to the question (reply-answer.ts), so the press carries
// both as the asker saw them and nothing is kept until the asker shows they want it sent.
desk.callbackQuery("ho:ask", async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  const { store } = deskOf(ctx);
  const answer = ctx.callbackQuery.message;
  const question = answer && "text" in answer ? answer.reply_to_message : undefined;
  // Only the asker: a client can press buttons on any message it has, with any data.
  if (!answer?.text || !question?.text || question.from?.id !== ctx.from.id) {
    await ctx.answerCallbackQuery({ text: EXPIRED });
    return;
  }
  const handovers = await store.list();
  const earlier = handovers
    .filter(handedOver)
    .find((h) => h.askerChatId === ctx.chat.id && h.questionMessageId === question.message_id);
  const refusal = earlier
    ? `Pertanyaan ini sudah diteruskan ke petugas (#${earlier.id}).`
    : handoverRefusal(handovers, ctx.chat.id, ctx.services.now().getTime(), ctx.services.config);
  if (refusal) {
    await ctx.answerCallbackQuery({ text: refusal, show_alert: true });
    return;
  }
  // One draft per person: pressing under another answer makes the older confirmation's
  // buttons expire; pressing twice under the same one (or Telegram sending the press again
  // after a restart) keeps its draft, so both confirmations work.
  let draft: Handover | undefined;
  for (const h of handovers.filter((d) => d.status === "draft" && d.askerChatId === ctx.chat.id)) {
    if (h.questionMessageId === question.message_id) draft = h;
    else await store.remove(h.id);
  }
  draft ??= await store.add({
    status: "draft",
    question: clipQuestion(question.text.replace(/^\/tanya(@\w+)?\s*/i, "")),
    botAnswer: clipAnswer(answer.text),
    askerChatId: ctx.chat.id,
    questionMessageId: question.message_id,
    createdAt: ctx.services.now().toISOString(),
  });
  await ctx.answerCallbackQuery();
  const keyboard = new InlineKeyboard()
    .text(`Kirim dengan nama (${clip(ctx.from.first_name, 24)})`, `ho:send:${draft.id}:nama`)
    .row()
    .text("Kirim tanpa nama", `ho:send:${draft.id}:anon`)
    .row()
    .text("Batal", `ho:cancel:${draft.id}`);
  await ctx.reply(firstHtmlMessage(confirmation(draft, ctx.from.first_name)), {
    ...quoting(question.message_id),
    reply_markup: keyboard,
  });
});

desk.callbackQuery(/^ho:send:(\d+):(nama|anon)$/, async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  const s = ctx.services;
  const { chatId, store } = deskOf(ctx);
  const draft = await ownDraft(ctx, Number(ctx.match[1]));
  if (!draft) return;
  const refusal = handoverRefusal(await store.list(), ctx.chat.id, s.now().getTime(), s.config);
  if (refusal) {
    await ctx.answerCallbackQuery({ text: refusal, show_alert: true });
    return;
  }
  const named: Handover = {
    ...draft,
    ...(ctx.match[2] === "nama" && { askerName: clipName(ctx.from.first_name) }),
  };
  let sent: { message_id: number };
  try {
    // One message, always (texts.ts clips what goes in): officers answer by replying to it.
    sent = await ctx.api.sendMessage(chatId, firstHtmlMessage(forOfficers(named)), {});
  } catch (err) {
    // The draft stays, so the same button can be pressed again.
    s.logger.error({ err, handover: draft.id }, "handover not sent to the officers' chat");
    await ctx.answerCallbackQuery({
      text: "Maaf, pertanyaan belum bisa diteruskan ke petugas. Coba lagi sebentar lagi.",
      show_alert: true,
    });
    return;
  }
  const open = await store.update(draft.id, (h) => ({
    ...h,
    ...(named.askerName && { askerName: named.askerName }),
    status: "open",
    officersMessageId: sent.message_id,
    handedAt: s.now().toISOString(),
  }));
  if (!open) {
    // Only at the very end of a draft's hour: the officers have it, but no reply can find it.
    s.logger.error({ handover: draft.id }, "draft expired while being handed over");
    await ctx.answerCallbackQuery({ text: EXPIRED, show_alert: true });
    return;
  }
  s.logger.info(
    { handover: draft.id, user: s.userHash.of(ctx.from.id), named: Boolean(named.askerName) },
    "handed over to the officers",
  );
  await ctx.answerCallbackQuery({ text: "Diteruskan ke petugas." });
  await ctx.editMessageText(firstHtmlMessage(passedOn(open)));
});

desk.callbackQuery(/^ho:cancel:(\d+)$/, async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  const draft = await ownDraft(ctx, Number(ctx.match[1]));
  if (!draft) return;
  await deskOf(ctx).store.remove(draft.id);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText("Dibatalkan: tidak ada yang dikirim ke petugas.");
});

/** The asker's own draft, or undefined once the press has been answered with why not. */
async function ownDraft(ctx: BotContext, id: number): Promise<Handover | undefined> {
  const h = await deskOf(ctx).store.get(id);
  if (h?.status === "draft" && h.askerChatId === ctx.chat?.id && ctx.from?.id === ctx.chat.id)
    return h;
  await ctx.answerCallbackQuery({
    text:
      h && handedOver(h) && h.askerChatId === ctx.chat?.id
        ? `Pertanyaan ini sudah diteruskan ke petugas (#${h.id}).`
        : EXPIRED,
  });
  return undefined;
}
