import { createHash } from "node:crypto";
import { GrammyError, InputFile } from "grammy";
import type { Answer } from "../answer/answer-type";
import { chartCaption } from "../chart/caption";
import { renderChartPng } from "../chart/png";
import { BoundedMap } from "./bounded-map";
import { escapeHtml } from "./html";
import { replyTo } from "./reply-text";
import type { BotContext } from "./services";

type Series = NonNullable<Answer["series"]>;

const MAX_CACHED = 32;
const FILE_ID_TTL_MS = 7 * 86_400_000;
const cache = new BoundedMap<string, Buffer>(MAX_CACHED);

/** A chart is the same as long as its title and its facts' ids and values are. */
function chartKey(series: Series): string {
  return `${series.title}|${series.facts.map((f) => `${f.id}:${f.value}`).join(",")}`;
}

/**
 * Rendering takes tens of milliseconds, and the same trend is asked for again and again
 * until the facts change.
 */
function cachedPng(key: string, series: Series): Buffer {
  let png = cache.get(key);
  if (!png) {
    png = renderChartPng(series);
    cache.set(key, png);
  }
  return png;
}

/**
 * Sends a trend as a PNG chart, its sources in the caption. Once Telegram has a chart, the
 * storage keeps its file id, so that any instance sends it again without rendering or
 * uploading; a file id Telegram no longer takes is replaced by a fresh upload.
 */
export async function sendChart(ctx: BotContext, series: Series): Promise<void> {
  const s = ctx.services;
  const key = chartKey(series);
  // File ids belong to one bot.
  const stored = `chart:${ctx.me.id}:${createHash("sha256").update(key).digest("hex").slice(0, 32)}`;
  await ctx.replyWithChatAction("upload_photo");
  const options = { caption: escapeHtml(chartCaption(series)).slice(0, 1024), ...replyTo(ctx) };
  const fileId = await s.storage.get<string>(stored).catch(() => undefined);
  if (fileId) {
    const sent = await ctx.replyWithPhoto(fileId, options).catch((err: unknown) => {
      // "wrong file identifier": upload afresh; any other failure is the usual kind.
      if (err instanceof GrammyError && err.error_code === 400) return undefined;
      throw err;
    });
    if (sent) return;
  }
  const png = cachedPng(key, series);
  const sent = await ctx.replyWithPhoto(
    new InputFile(png, `${series.metric}-${series.region}.png`),
    options,
  );
  const uploaded = sent.photo?.at(-1)?.file_id;
  if (uploaded) await s.storage.set(stored, uploaded, FILE_ID_TTL_MS).catch(() => undefined);
}
