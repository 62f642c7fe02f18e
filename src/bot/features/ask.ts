import { Composer } from "grammy";
import { replyWithAnswer } from "../reply-answer";
import { replyText } from "../reply-text";
import type { BotContext } from "../services";
import { withinLimit } from "../within-limit";

export const askFeature = new Composer<BotContext>();

askFeature.command("tanya", async (ctx) => {
  const question = ctx.match.trim();
  if (question) return replyWithAnswer(ctx, question);
  if (await withinLimit(ctx))
    await replyText(
      ctx,
      "Tulis pertanyaannya setelah /tanya, misalnya: /tanya berapa UMKM go digital 2023?",
    );
});

// In a private chat every message is a question; an unknown command gets the help.
askFeature.chatType("private").on("message:text", async (ctx) => {
  if (!ctx.msg.text.startsWith("/")) return replyWithAnswer(ctx, ctx.msg.text);
  if (await withinLimit(ctx)) await replyText(ctx, "Perintah itu tidak saya kenal. Coba /bantuan.");
});

const groups = askFeature.chatType(["group", "supergroup"]);

// In groups the bot speaks only when spoken to: a reply to its message, or a mention.
groups.on("message:text").filter(
  (ctx) => ctx.msg.reply_to_message?.from?.id === ctx.me.id && !ctx.msg.text.startsWith("/"),
  (ctx) => replyWithAnswer(ctx, ctx.msg.text),
);

groups.on("message:text").filter(
  (ctx) => mentionPattern(ctx.me.username).test(ctx.msg.text),
  (ctx) => replyWithAnswer(ctx, ctx.msg.text.replace(mentionPattern(ctx.me.username), " ").trim()),
);

function mentionPattern(username: string): RegExp {
  return new RegExp(`@${username}(?![\\w])`, "i");
}
