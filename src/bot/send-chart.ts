import { InputFile } from "grammy";
import type { Answer } from "../answer/answer-type";
import { chartCaption } from "../chart/caption";
import { renderChartPng } from "../chart/png";
import { escapeHtml } from "./html";
import type { BotContext } from "./services";

const MAX_CACHED = 32;
const cache = new Map<string, Buffer>();

/**
 * Rendering takes tens of milliseconds, and the same trend is asked for again and again
 * until the facts change; a chart is keyed by its title and the ids of its facts.
 */
function cachedPng(series: NonNullable<Answer["series"]>): Buffer {
  const key = `${series.title}|${series.facts.map((f) => `${f.id}:${f.value}`).join(",")}`;
  let png = cache.get(key);
  if (!png) {
    png = renderChartPng(series);
    cache.set(key, png);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  }
  return png;
}

/** Sends a trend as a PNG chart, its sources in the caption. */
export async function sendChart(
  ctx: BotContext,
  series: NonNullable<Answer["series"]>,
): Promise<void> {
  await ctx.replyWithChatAction("upload_photo");
  const png = cachedPng(series);
  const id = ctx.msg?.message_id;
  await ctx.replyWithPhoto(new InputFile(png, `${series.metric}-${series.region}.png`), {
    caption: escapeHtml(chartCaption(series)).slice(0, 1024),
    parse_mode: "HTML",
    ...(ctx.chat?.type !== "private" && id
      ? { reply_parameters: { message_id: id, allow_sending_without_reply: true } }
      : {}),
  });
}
