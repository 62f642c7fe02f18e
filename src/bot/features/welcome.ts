import { Composer } from "grammy";
import { helpText } from "../../answer/replies";
import { escapeHtml } from "../html";
import type { BotContext } from "../services";

export const welcomeFeature = new Composer<BotContext>();

welcomeFeature.command(["start", "bantuan", "help"], async (ctx) => {
  const admin = ctx.from && ctx.services.admins.has(ctx.from.id);
  const adminLine = admin ? "\nAdmin: /reload (muat ulang data), /status, /belumterjawab." : "";
  const groupLine =
    ctx.chat.type === "private" ? "" : "\nDi grup: /tanya <pertanyaan>, atau balas pesan saya.";
  await ctx.reply(escapeHtml(`${helpText(ctx.services.store.current)}${groupLine}${adminLine}`), {
    parse_mode: "HTML",
  });
});
