import { Composer } from "grammy";
import { helpText } from "../../answer/replies";
import { replyText } from "../reply-text";
import type { BotContext } from "../services";
import { withinLimit } from "../within-limit";

export const welcomeFeature = new Composer<BotContext>();

welcomeFeature.command(["start", "bantuan", "help"], async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  const admin = ctx.from && ctx.services.admins.has(ctx.from.id);
  const adminLine = admin ? "\nAdmin: /reload (muat ulang data), /status, /belumterjawab." : "";
  const groupLine =
    ctx.chat.type === "private" ? "" : "\nDi grup: /tanya <pertanyaan>, atau balas pesan saya.";
  await replyText(ctx, `${helpText(ctx.services.store.current)}${groupLine}${adminLine}`);
});
