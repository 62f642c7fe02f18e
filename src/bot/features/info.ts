import { Composer } from "grammy";
import { catalogReply, sourcesReply } from "../../answer/catalog";
import { replyHeadlined } from "../reply-text";
import type { BotContext } from "../services";
import { withinLimit } from "../within-limit";

export const infoFeature = new Composer<BotContext>();

infoFeature.command("sumber", async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  await replyHeadlined(ctx, sourcesReply(ctx.services.store.current));
});

infoFeature.command("data", async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  await replyHeadlined(ctx, catalogReply(ctx.services.store.current));
});
