import { Composer } from "grammy";
import { helpText } from "../../answer/replies";
import { adminHelp } from "../commands";
import { replyText } from "../reply-text";
import type { BotContext } from "../services";
import { withinLimit } from "../within-limit";

export const welcomeFeature = new Composer<BotContext>();

welcomeFeature.command(["start", "bantuan", "help"], async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  const admin = ctx.from && ctx.services.admins.has(ctx.from.id);
  const adminLine = admin ? `\nAdmin: ${adminHelp()}.` : "";
  const officers = ctx.chat.id === ctx.services.handover?.chatId;
  const groupLine = officers
    ? "\nDi grup petugas: balas pesan pertanyaan untuk menjawab (awali dengan /nama agar nama Anda ikut), /tolak <alasan> untuk menolak, /antrian untuk yang menunggu. Tanya statistik dengan /tanya <pertanyaan>."
    : ctx.chat.type === "private"
      ? ""
      : "\nDi grup: /tanya <pertanyaan>, atau balas pesan saya.";
  const tableLine = "\nTabel data: /unduh (CSV). Kabar angka baru: /langganan.";
  await replyText(
    ctx,
    `${helpText(ctx.services.store.current)}${tableLine}${groupLine}${adminLine}`,
  );
});
