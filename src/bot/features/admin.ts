import { Composer } from "grammy";
import { formatPeriod } from "../../format/period";
import { adminCommands } from "../admin-only";
import { answerToHtml } from "../html";
import { reloadedText } from "../reload-text";
import { replyText } from "../reply-text";
import type { BotContext } from "../services";

export const adminFeature = new Composer<BotContext>();

const DAYS = 7;

const admins = adminCommands(adminFeature, ["reload", "status", "belumterjawab"]);

admins.command("reload", async (ctx) => {
  const s = ctx.services;
  const result = await s.store.reload();
  s.logger.info(
    { user: s.userHash.of(ctx.from?.id ?? 0), ok: result.ok, seconds: result.seconds },
    "reload",
  );
  await replyText(ctx, reloadedText(s, result));
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
    `Berjalan sejak ${s.stats.startedAt.toISOString()} (${uptime(s.now().getTime() - s.stats.startedAt.getTime())}).`,
    `Pertanyaan: ${asked}, tidak terjawab ${s.stats.unanswered} (${share}%).`,
  ].join("\n");
  for (const html of answerToHtml(text)) await ctx.reply(html, { parse_mode: "HTML" });
});

admins.command("belumterjawab", async (ctx) => {
  const s = ctx.services;
  const since = new Date(s.now().getTime() - DAYS * 86_400_000);
  const top = s.unanswered.top(since);
  const text = top.length
    ? [
        `Pertanyaan yang belum terjawab, ${DAYS} hari terakhir (sejak ${formatPeriod(since.toISOString().slice(0, 10))}):`,
        ...top.map((t) => `• ${t.count}× "${t.question}" (${t.reasons.join(", ")})`),
      ].join("\n")
    : `Tidak ada pertanyaan yang belum terjawab dalam ${DAYS} hari terakhir.`;
  for (const html of answerToHtml(text)) await ctx.reply(html, { parse_mode: "HTML" });
});

function uptime(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  return `${d ? `${d} hari ` : ""}${h} jam ${m} menit`;
}
