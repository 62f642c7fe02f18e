import type { Services } from "../../bot/services";

/**
 * Telegram is answered within this: a long poll returns at least every 30 seconds, and a
 * webhook bot with nothing to do asks getMe after a minute of quiet (keep-in-touch.ts).
 */
export const MAX_QUIET_MS = 120_000;

export type Health = {
  status: "ok" | "unhealthy";
  facts: number;
  articles: number;
  lastReload: { at: string; ok: boolean } | null;
  uptimeSeconds: number;
  botApiSecondsAgo: number | null;
  storage: { kind: string; up: boolean };
};

/**
 * Healthy when the fact table is loaded and the Bot API answered recently. The storage is
 * reported but does not make the bot unhealthy: without it the bot still answers.
 */
export function healthOf(s: Services): Health {
  const now = s.now().getTime();
  const table = s.store.current.table;
  const last = s.apiContact.lastAt?.getTime();
  const reload = s.store.last;
  const ok = table.facts.length > 0 && last !== undefined && now - last <= MAX_QUIET_MS;
  return {
    status: ok ? "ok" : "unhealthy",
    facts: table.facts.length,
    articles: table.articles.length,
    lastReload: reload ? { at: reload.at.toISOString(), ok: reload.ok } : null,
    uptimeSeconds: Math.round((now - s.stats.startedAt.getTime()) / 1000),
    botApiSecondsAgo: last === undefined ? null : Math.round((now - last) / 1000),
    storage: { kind: s.storage.kind, up: s.storage.up },
  };
}
