import { createHash } from "node:crypto";
import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import { answer } from "../../answer/answer";
import { helpText } from "../../answer/replies";
import { escapeHtml, firstHtmlMessage } from "../html";
import { record } from "../reply-answer";
import type { BotContext } from "../services";
import { withinLimit } from "../within-limit";

export const inlineFeature = new Composer<BotContext>();

/** "@bot berapa UMKM go digital 2023" in any chat: the answer as one result to send. */
inlineFeature.on("inline_query", async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  const s = ctx.services;
  const question = ctx.inlineQuery.query.trim();
  if (!question) {
    const help = helpText(s.store.current);
    await ctx.answerInlineQuery(
      [
        article(
          "bantuan",
          "Tanya statistik UMKM",
          "Ketik pertanyaan setelah nama bot",
          escapeHtml(help),
        ),
      ],
      { cache_time: 300 },
    );
    return;
  }
  const started = performance.now();
  const a = answer(s.store.current, question, { today: s.now() });
  await record(ctx, a, performance.now() - started);
  const [headline = "", ...rest] = a.text.split("\n");
  const id = createHash("sha1").update(`${question}\n${a.text}`).digest("hex").slice(0, 32);
  // One message only: an inline result cannot be split, so it keeps the first piece.
  const html = firstHtmlMessage(a.text);
  await ctx.answerInlineQuery(
    [article(id, headline.slice(0, 120), rest.join(" ").slice(0, 200), html)],
    { cache_time: 30 },
  );
});

function article(
  id: string,
  title: string,
  description: string,
  html: string,
): InlineQueryResultArticle {
  return {
    type: "article",
    id,
    title,
    description,
    input_message_content: { message_text: html, parse_mode: "HTML" },
  };
}
