import { GrammyError } from "grammy";
import type { BotContext, Services } from "../services";

/** The officers' desk; only called where a filter has made sure OFFICERS_CHAT_ID is set. */
export function deskOf(ctx: BotContext): NonNullable<Services["handover"]> {
  const desk = ctx.services.handover;
  if (!desk) throw new Error("handover used without OFFICERS_CHAT_ID");
  return desk;
}

const MEMBERS = new Set(["creator", "administrator", "member"]);

/**
 * Whether the sender is a member of the officers' group. Writing there is not proof: a
 * channel's discussion group takes comments from people who never joined it. Telegram's
 * answer is the test.
 */
export async function isOfficer(ctx: BotContext): Promise<boolean> {
  const desk = ctx.services.handover;
  if (!desk || !ctx.from) return false;
  try {
    const member = await ctx.api.getChatMember(desk.chatId, ctx.from.id);
    return MEMBERS.has(member.status) || (member.status === "restricted" && member.is_member);
  } catch (err) {
    // "user not found" and the like: no member. Network trouble goes to the error boundary.
    if (!(err instanceof GrammyError)) throw err;
    ctx.services.logger.warn({ err }, "getChatMember refused; treated as no officer");
    return false;
  }
}
