import type { BotContext } from "./services";

/** Every change an admin makes is logged: who (keyed hash, never the id), what, when. */
export function logAdminAction(
  ctx: BotContext,
  action: string,
  details: Record<string, unknown> = {},
): void {
  const s = ctx.services;
  s.logger.info(
    { user: s.userHash.of(ctx.from?.id ?? 0), action, at: s.now().toISOString(), ...details },
    "admin action",
  );
}
