import { Composer } from "grammy";
import { replyText } from "../reply-text";
import type { BotContext } from "../services";
import { withinLimit } from "../within-limit";

export const subscriptionsFeature = new Composer<BotContext>();

subscriptionsFeature.command("langganan", async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  const added = await changed(ctx, (id) => ctx.services.subscriptions.add(id));
  if (added === undefined) return;
  await replyText(
    ctx,
    added
      ? "Berlangganan: setiap ada artikel baru, chat ini mendapat satu pesan singkat berisi angka barunya dan sumbernya. /berhenti untuk berhenti."
      : "Chat ini sudah berlangganan. /berhenti untuk berhenti.",
  );
});

subscriptionsFeature.command("berhenti", async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  const removed = await changed(ctx, (id) => ctx.services.subscriptions.remove(id));
  if (removed === undefined) return;
  await replyText(
    ctx,
    removed
      ? "Langganan dihentikan; chat ini tidak lagi mendapat kabar artikel baru."
      : "Chat ini tidak berlangganan.",
  );
});

/** The change, or undefined (and an apology) when the storage failed: the log says why. */
async function changed(
  ctx: BotContext,
  change: (chatId: number) => Promise<boolean>,
): Promise<boolean | undefined> {
  try {
    return await change(ctx.chat?.id ?? 0);
  } catch (err) {
    ctx.services.logger.error({ err }, "subscriptions could not be changed");
    await replyText(ctx, "Maaf, langganan tidak bisa disimpan sekarang. Coba lagi nanti.");
    return undefined;
  }
}
