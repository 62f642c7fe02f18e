import { Composer } from "grammy";
import { answerQuery } from "../../answer/answer";
import { trendBlock } from "../../answer/trend";
import { firstHtmlMessage } from "../html";
import { record } from "../reply-answer";
import { sendChart } from "../send-chart";
import type { BotContext } from "../services";
import { withinLimit } from "../within-limit";

export const buttonsFeature = new Composer<BotContext>();

// A province picked for an ambiguous question: the answer replaces the question's buttons.
buttonsFeature.callbackQuery(/^pick:(\w+):(\d+)$/, async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  const s = ctx.services;
  const query = await s.choices.get(ctx.match[1] as string);
  const region = query?.ambiguous?.candidates[Number(ctx.match[2])];
  if (!query || !region) {
    await ctx.answerCallbackQuery({ text: "Pilihan ini sudah kedaluwarsa. Silakan tanya lagi." });
    return;
  }
  const started = performance.now();
  const picked = { ...query, regions: [region], ambiguous: undefined };
  const a = answerQuery(
    s.store.current,
    picked,
    `${query.ambiguous?.words} → ${s.store.current.regionName(region)}`,
  );
  await record(ctx, a, performance.now() - started);
  await s.lastQuestions.set(ctx.chat?.id, ctx.from.id, a.query);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(firstHtmlMessage(a.text));
});

buttonsFeature.callbackQuery(/^chart:([a-z_]+):([a-z_]+)$/, async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  const k = ctx.services.store.current;
  const [metric, region] = [ctx.match[1] as string, ctx.match[2] as string];
  const { series } = trendBlock(k, { metric, region, target: false });
  await ctx.answerCallbackQuery(
    series ? { text: "Menyiapkan grafik…" } : { text: "Belum ada deret data untuk grafik ini." },
  );
  if (series) await sendChart(ctx, series);
});

buttonsFeature.on("callback_query:data", (ctx) =>
  ctx.answerCallbackQuery({ text: "Tombol ini sudah tidak berlaku." }),
);
