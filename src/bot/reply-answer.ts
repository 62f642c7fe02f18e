import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { answer } from "../answer/answer";
import type { Answer } from "../answer/answer-type";
import { sourceText } from "../answer/wording";
import { answerToHtml } from "./html";
import { quoting, replyTo } from "./reply-text";
import { sendChart } from "./send-chart";
import type { BotContext } from "./services";
import type { UnansweredReason } from "./unanswered-log";
import { withinLimit } from "./within-limit";

const UNANSWERED: readonly UnansweredReason[] = ["no_data", "out_of_scope", "ambiguous"];

function unansweredReason(outcome: string): UnansweredReason | undefined {
  return UNANSWERED.find((r) => r === outcome);
}
// An ambiguous question is settled by picking a province, not by an officer.
const HANDOVER = new Set(["no_data", "out_of_scope"]);

/** Each citation of the answer ("ANTARA, 2023") with its article's address, where it has one. */
function articleLinks(ctx: BotContext, a: Answer): Map<string, { outlet: string; url: string }> {
  const k = ctx.services.store.current;
  return new Map(
    [...a.facts, ...a.computed.flatMap((c) => c.from)].flatMap((f) => {
      const url = k.table.article(f.article)?.url;
      return url ? [[sourceText(f), { outlet: f.outlet, url }] as const] : [];
    }),
  );
}

/** A series worth a chart: at least two points in time. */
export function chartable(a: Answer): boolean {
  return Boolean(
    a.series &&
      new Set(a.series.facts.filter((f) => f.kind !== "target").map((f) => f.period)).size >= 2,
  );
}

/** An answer the bot could not give, in a private chat, may go to the officers, if there are any. */
function offersHandover(ctx: BotContext, a: Answer): boolean {
  return Boolean(
    ctx.services.handover && ctx.chat?.type === "private" && ctx.msg && HANDOVER.has(a.outcome),
  );
}

/**
 * Buttons under an answer: the provinces to pick from; or a chart of the series, and the
 * officers for an answer the bot could not give.
 */
export async function answerKeyboard(
  ctx: BotContext,
  a: Answer,
): Promise<InlineKeyboard | undefined> {
  // While the storage is down the question cannot wait for a pick: the answer asks in words.
  const id = a.choices.length ? await ctx.services.choices.add(a.query) : undefined;
  if (id) {
    const kb = new InlineKeyboard();
    for (const [i, c] of a.choices.entries()) kb.text(c.label, `pick:${id}:${i}`).row();
    return kb;
  }
  const rows: InlineKeyboardButton[][] = [];
  // Telegram carries at most 64 bytes of button data: a measure in an article's own words may not fit.
  const data = a.series && `chart:${a.series.metric}:${a.series.region}`;
  if (a.series && data && Buffer.byteLength(data) <= 64 && chartable(a) && a.intent !== "trend")
    rows.push([InlineKeyboard.text("📈 Lihat grafik", data)]);
  if (offersHandover(ctx, a)) rows.push([InlineKeyboard.text("Tanyakan ke petugas", "ho:ask")]);
  return rows.length ? InlineKeyboard.from(rows) : undefined;
}

/** Counts, logs and keeps the question if it went unanswered. */
export async function record(ctx: BotContext, a: Answer, ms: number): Promise<void> {
  const s = ctx.services;
  s.metrics.questions.inc({ outcome: a.outcome });
  s.metrics.answerSeconds.observe(ms / 1000);
  const reason = unansweredReason(a.outcome);
  if (reason) s.stats.unanswered++;
  else if (a.outcome === "answered") s.stats.answered++;
  if (reason && ctx.from) {
    await s.unanswered.add({
      at: s.now(),
      chatType: ctx.chat?.type ?? "inline",
      reason,
      question: a.question,
      userId: ctx.from.id,
    });
  }
  s.logger.info(
    {
      chatType: ctx.chat?.type ?? "inline",
      intent: a.intent,
      outcome: a.outcome,
      ms: Math.round(ms * 100) / 100,
      question: a.question.slice(0, 200),
    },
    "question",
  );
}

/**
 * Answers a question in the chat it came from: builds on the person's last question there,
 * replies to the asking message in groups, and sends a chart when the answer is a trend.
 */
export async function replyWithAnswer(ctx: BotContext, question: string): Promise<void> {
  if (!(await withinLimit(ctx))) return;
  const s = ctx.services;
  const [chat, user] = [ctx.chat?.id, ctx.from?.id ?? 0];
  const previous = await s.lastQuestions.get(chat, user);
  const started = performance.now();
  const a = answer(s.store.current, question, { today: s.now(), previous });
  const ms = performance.now() - started;
  await s.lastQuestions.set(chat, user, a.query);
  await record(ctx, a, ms);
  await sendAnswer(ctx, a);
  if (a.intent === "trend" && chartable(a) && a.series) {
    await sendChart(ctx, a.series);
  }
}

export async function sendAnswer(ctx: BotContext, a: Answer): Promise<void> {
  const pieces = answerToHtml(a.text, articleLinks(ctx, a));
  const keyboard = await answerKeyboard(ctx, a);
  // The piece with "Tanyakan ke petugas" replies to the question, even in a private chat: the
  // asker sees which question it would send, and the press carries both (features/handover.ts).
  const quote = offersHandover(ctx, a) && ctx.msg ? quoting(ctx.msg.message_id) : undefined;
  for (const [i, html] of pieces.entries()) {
    const last = i === pieces.length - 1;
    await ctx.reply(html, {
      ...(last && quote ? quote : i === 0 ? replyTo(ctx) : {}),
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
    });
  }
}
