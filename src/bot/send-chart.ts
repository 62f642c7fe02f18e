import { InputFile } from "grammy";
import type { Answer } from "../answer/answer-type";
import { chartCaption } from "../chart/caption";
import { renderChartPng } from "../chart/png";
import { escapeHtml } from "./html";
import type { BotContext } from "./services";

/** Sends a trend as a PNG chart, its sources in the caption. */
export async function sendChart(
  ctx: BotContext,
  series: NonNullable<Answer["series"]>,
): Promise<void> {
  await ctx.replyWithChatAction("upload_photo");
  const png = renderChartPng(series);
  const id = ctx.msg?.message_id;
  await ctx.replyWithPhoto(new InputFile(png, `${series.metric}-${series.region}.png`), {
    caption: escapeHtml(chartCaption(series)).slice(0, 1024),
    parse_mode: "HTML",
    ...(ctx.chat?.type !== "private" && id
      ? { reply_parameters: { message_id: id, allow_sending_without_reply: true } }
      : {}),
  });
}
