import { Composer, type Filter } from "grammy";
import { escapeHtml } from "../html";
import { replyWithAnswer } from "../reply-answer";
import type { BotContext } from "../services";

export const askFeature = new Composer<BotContext>();

askFeature.command("tanya", async (ctx) => {
  const question = ctx.match.trim();
  if (!question) {
    await ctx.reply(
      escapeHtml(
        "Tulis pertanyaannya setelah /tanya, misalnya: /tanya berapa UMKM go digital 2023?",
      ),
      {
        parse_mode: "HTML",
      },
    );
    return;
  }
  await replyWithAnswer(ctx, question);
});

// In a private chat every message is a question; an unknown command gets the help.
askFeature.chatType("private").on("message:text", async (ctx) => {
  if (ctx.msg.text.startsWith("/")) {
    await ctx.reply(escapeHtml("Perintah itu tidak saya kenal. Coba /bantuan."), {
      parse_mode: "HTML",
    });
    return;
  }
  await replyWithAnswer(ctx, ctx.msg.text);
});

const groups = askFeature.chatType(["group", "supergroup"]);

// In groups the bot speaks only when spoken to: a reply to its message, or a mention.
groups.on("message:text").filter(
  (ctx) => ctx.msg.reply_to_message?.from?.id === ctx.me.id && !ctx.msg.text.startsWith("/"),
  (ctx) => replyWithAnswer(ctx, ctx.msg.text),
);

groups.on("message:text").filter(
  (ctx) => mentionsMe(ctx),
  (ctx) => replyWithAnswer(ctx, stripMention(ctx.msg.text, ctx.me.username)),
);

function mentionsMe(ctx: Filter<BotContext, "message:text">): boolean {
  const me = `@${ctx.me.username}`.toLowerCase();
  return (ctx.msg.entities ?? []).some(
    (e) =>
      e.type === "mention" &&
      ctx.msg.text.slice(e.offset, e.offset + e.length).toLowerCase() === me,
  );
}

function stripMention(text: string, username: string): string {
  return text.replace(new RegExp(`@${username}\\b`, "gi"), " ").trim();
}
