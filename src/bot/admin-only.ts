import type { Composer } from "grammy";
import type { CommandName } from "./commands";
import { replyText } from "./reply-text";
import type { BotContext } from "./services";
import { withinLimit } from "./within-limit";

/** Only ids in ADMIN_IDS: a group's own admins are not the bot's admins. */
export function isAdmin(ctx: BotContext): boolean {
  return Boolean(ctx.from && ctx.services.admins.has(ctx.from.id));
}

export const NOT_ADMIN = "Maaf, perintah ini hanya untuk admin bot.";

/**
 * The part of a feature only admins reach. Anyone else sending one of `commands` is refused
 * and the refusal logged; a refusal is a reply too, so it counts against the sender's limit.
 */
export function adminCommands(
  feature: Composer<BotContext>,
  commands: CommandName[],
): Composer<BotContext> {
  feature.command(commands).filter(
    (ctx) => !isAdmin(ctx),
    async (ctx) => {
      ctx.services.logger.warn(
        {
          user: ctx.services.userHash.of(ctx.from?.id ?? 0),
          chatType: ctx.chat.type,
          command: ctx.msg.text.split(/\s/)[0],
        },
        "admin command refused",
      );
      if (await withinLimit(ctx)) await replyText(ctx, NOT_ADMIN);
    },
  );
  return feature.filter(isAdmin);
}
