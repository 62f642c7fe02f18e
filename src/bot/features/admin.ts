import { Composer } from "grammy";
import { formatPeriod } from "../../format/period";
import { adminCommands } from "../admin-only";
import { type HandedOver, handedOver } from "../handover/store";
import { STATUS_WORDS } from "../handover/texts";
import { reloadElsewhere, reloadHere, reloadReport } from "../reload-everywhere";
import { replyHeadlined, replyText } from "../reply-text";
import type { BotContext } from "../services";
import { questionKey } from "../unanswered-log";

export const adminFeature = new Composer<BotContext>();

const DAYS = 7;

const admins = adminCommands(adminFeature, ["reload", "status", "belumterjawab"]);

admins.command("reload", async (ctx) => {
  const s = ctx.services;
  const result = await reloadHere(s, { user: s.userHash.of(ctx.from?.id ?? 0) });
  // Every other instance reloads as well and reports here on its own.
  await replyText(ctx, `${reloadReport(s, result)}${await reloadElsewhere(s, ctx.chat.id)}`);
});

admins.command("status", async (ctx) => {
  const s = ctx.services;
  const k = s.store.current;
  const asked = s.stats.answered + s.stats.unanswered;
  const share = asked ? Math.round((s.stats.unanswered / asked) * 100) : 0;
  const last = s.store.last;
  const reload = last
    ? `${last.at.toISOString()} — ${last.ok ? `berhasil: ${last.summary}` : `gagal: ${last.error}`}`
    : "belum pernah sejak start";
  const text = [
    `Status: ${k.table.facts.length} fakta dari ${k.table.articles.length} artikel.`,
    `Reload terakhir: ${reload}`,
    `Instans ${s.instance}; penyimpanan ${s.storage.kind}${s.storage.up ? "" : " (tidak terjangkau: tanpa lanjutan percakapan)"}.`,
    `Berjalan sejak ${s.stats.startedAt.toISOString()} (${uptime(s.now().getTime() - s.stats.startedAt.getTime())}).`,
    `Pertanyaan: ${asked}, tidak terjawab ${s.stats.unanswered} (${share}%).`,
  ].join("\n");
  await replyHeadlined(ctx, text);
});

admins.command("belumterjawab", async (ctx) => {
  const s = ctx.services;
  const since = new Date(s.now().getTime() - DAYS * 86_400_000);
  const top = await s.unanswered.top(since);
  const handed = s.handover
    ? (await s.handover.store.list())
        .filter(handedOver)
        .filter((h) => new Date(h.createdAt) >= since)
    : undefined;
  const text = top.length
    ? [
        `Pertanyaan yang belum terjawab, ${DAYS} hari terakhir (sejak ${formatPeriod(since.toISOString().slice(0, 10))}):`,
        ...top.map(
          (t) =>
            `• ${t.count}× "${t.question}" (${t.reasons.join(", ")})${handed ? ` — ${desk(t, handed)}` : ""}`,
        ),
      ].join("\n")
    : `Tidak ada pertanyaan yang belum terjawab dalam ${DAYS} hari terakhir.`;
  await replyHeadlined(ctx, text);
});

/**
 * Where the question stands with the officers: how many times it was handed over, answered
 * or refused, and "terbuka" for the times no one handed it over.
 */
function desk(t: { question: string; count: number }, handed: HandedOver[]): string {
  const key = questionKey(t.question);
  const mine = handed.filter((h) => questionKey(h.question) === key);
  const parts = Object.entries(STATUS_WORDS).flatMap(([status, words]) => {
    const n = mine.filter((h) => h.status === status).length;
    return n ? [`${n} ${words}`] : [];
  });
  const open = t.count - mine.length;
  return [...(open > 0 ? [`${open} terbuka`] : []), ...parts].join(", ");
}

function uptime(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  return `${d ? `${d} hari ` : ""}${h} jam ${m} menit`;
}
