import { InputProblem } from "../ingest/input-problem";
import type { BotContext } from "./services";

/**
 * The document of the message, downloaded as Telegram serves files: getFile for its path,
 * then the file path under the Bot API root. Refused unread when it is larger than `maxBytes`.
 */
export async function downloadDocument(ctx: BotContext, maxBytes: number): Promise<Buffer> {
  try {
    return await download(ctx, maxBytes);
  } catch (e) {
    if (e instanceof InputProblem) throw e;
    ctx.services.logger.warn({ err: e }, "a document could not be downloaded");
    throw new InputProblem("berkas tidak bisa diunduh dari Telegram; coba kirim lagi");
  }
}

async function download(ctx: BotContext, maxBytes: number): Promise<Buffer> {
  const s = ctx.services;
  const size = ctx.msg?.document?.file_size ?? 0;
  const tooBig = (bytes: number) =>
    new InputProblem(`berkas ${bytes} byte; paling besar ${maxBytes} (MAX_ARTICLE_BYTES)`);
  if (size > maxBytes) throw tooBig(size);
  const file = await ctx.getFile();
  const root =
    (s.config.mode === "terminal" ? undefined : s.config.TELEGRAM_API_ROOT) ??
    "https://api.telegram.org";
  // The URL holds the token: it is never logged, and an error names only what went wrong.
  const res = await fetch(`${root}/file/bot${ctx.api.token}/${file.file_path}`, {
    signal: AbortSignal.timeout(s.config.LINK_TIMEOUT_MS),
  });
  if (!res.ok || !res.body) throw new InputProblem(`berkas tidak bisa diunduh (${res.status})`);
  const chunks: Buffer[] = [];
  let read = 0;
  for await (const chunk of res.body) {
    read += chunk.length;
    if (read > maxBytes) throw tooBig(read);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
