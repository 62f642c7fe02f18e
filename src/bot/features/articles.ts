import { Composer, InlineKeyboard } from "grammy";
import { formatPeriod } from "../../format/period";
import type { Knowledge } from "../../knowledge/knowledge";
import { logAdminAction } from "../admin-log";
import { adminCommands, isAdmin, NOT_ADMIN } from "../admin-only";
import { escapeHtml } from "../html";
import { reloadElsewhere, reloadReport } from "../reload-everywhere";
import { replyText } from "../reply-text";
import type { BotContext } from "../services";

export const articlesFeature = new Composer<BotContext>();

const admins = adminCommands(articlesFeature, ["artikel", "hapus", "batalhapus"]);

const PAGE = 8;

/** One page of the articles, newest first: outlet, date, title, facts given, and the id to copy. */
function articlesPage(k: Knowledge, page: number): { html: string; keyboard?: InlineKeyboard } {
  const counts = new Map<string, number>();
  for (const f of k.table.facts) counts.set(f.article, (counts.get(f.article) ?? 0) + 1);
  const sorted = [...k.table.articles].sort(
    (a, b) => b.published.localeCompare(a.published) || b.id.localeCompare(a.id),
  );
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const lines = sorted.slice(p * PAGE, (p + 1) * PAGE).map((a, i) => {
    const title = a.title.length > 120 ? `${a.title.slice(0, 119)}…` : a.title;
    return `${p * PAGE + i + 1}. ${escapeHtml(`${a.outlet}, ${formatPeriod(a.published)} — "${title}" — ${counts.get(a.id) ?? 0} fakta`)}\n   id: <code>${escapeHtml(a.id)}</code>`;
  });
  const html = [
    `<b>Artikel: ${sorted.length}, terbaru dulu (halaman ${p + 1} dari ${pages})</b>`,
    ...lines,
    "Hapus dengan /hapus &lt;id&gt;.",
  ].join("\n");
  if (pages === 1) return { html };
  const keyboard = new InlineKeyboard();
  if (p > 0) keyboard.text("‹ Sebelumnya", `art:${p - 1}`);
  if (p < pages - 1) keyboard.text("Berikutnya ›", `art:${p + 1}`);
  return { html, keyboard };
}

admins.command("artikel", async (ctx) => {
  const { html, keyboard } = articlesPage(ctx.services.store.current, 0);
  await ctx.reply(html, { ...(keyboard && { reply_markup: keyboard }) });
});

articlesFeature.callbackQuery(/^art:(\d+)$/, async (ctx) => {
  if (!isAdmin(ctx)) return ctx.answerCallbackQuery({ text: NOT_ADMIN });
  const { html, keyboard } = articlesPage(ctx.services.store.current, Number(ctx.match[1]));
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(html, {
    ...(keyboard && { reply_markup: keyboard }),
  });
});

admins.command("hapus", async (ctx) => {
  const s = ctx.services;
  const id = ctx.match.trim();
  if (!id) return replyText(ctx, "Tulis id artikelnya: /hapus <id>. Id ada di /artikel.");
  const k = s.store.current;
  const a = k.table.article(id);
  if (!a) return replyText(ctx, `Tidak ada artikel ${id}. Lihat /artikel.`);
  const facts = k.table.facts.filter((f) => f.article === id).length;
  const key = s.removals.add(id);
  const text = [
    "Hapus artikel ini?",
    `${a.outlet}, ${formatPeriod(a.published)}: "${a.title}" (${facts} fakta, id ${id})`,
    `Berkasnya dipindah ke removed/ dan bisa dikembalikan dengan /batalhapus ${id}.`,
  ].join("\n");
  await ctx.reply(escapeHtml(text), {
    reply_markup: new InlineKeyboard()
      .text("Ya, hapus", `del:${key}:yes`)
      .text("Tidak", `del:${key}:no`),
  });
});

articlesFeature.callbackQuery(/^del:(\w+):(yes|no)$/, async (ctx) => {
  if (!isAdmin(ctx)) return ctx.answerCallbackQuery({ text: NOT_ADMIN });
  const s = ctx.services;
  const id = s.removals.get(ctx.match[1] as string);
  if (!id) return ctx.answerCallbackQuery({ text: "Tombol ini sudah tidak berlaku." });
  if (ctx.match[2] === "no") {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(escapeHtml(`Tidak jadi dihapus: ${id}.`));
    return;
  }
  await ctx.answerCallbackQuery({ text: "Menghapus…" });
  const result = await s.shelf.remove(id);
  logAdminAction(ctx, "hapus", { article: id, ok: result.ok });
  const elsewhere = result.ok ? await reloadElsewhere(s, ctx.chat?.id ?? 0) : "";
  const text = result.ok
    ? `Dihapus: ${id} (dipindah ke removed/). ${reloadReport(s, result.reload)}${elsewhere}\nKembalikan dengan /batalhapus ${id}.`
    : `Gagal menghapus ${id}: ${result.error}\nTidak ada yang berubah.`;
  await ctx.editMessageText(escapeHtml(text));
});

admins.command("batalhapus", async (ctx) => {
  const s = ctx.services;
  const id = ctx.match.trim();
  if (!id) {
    const removed = s.shelf.removed();
    return replyText(
      ctx,
      removed.length
        ? `Artikel yang dihapus: ${removed.join(", ")}.\nKembalikan dengan /batalhapus <id>.`
        : "Tidak ada artikel yang dihapus.",
    );
  }
  const result = await s.shelf.restore(id);
  logAdminAction(ctx, "batalhapus", { article: id, ok: result.ok });
  const elsewhere = result.ok ? await reloadElsewhere(s, ctx.chat?.id ?? 0) : "";
  await replyText(
    ctx,
    result.ok
      ? `Dikembalikan: ${id}. ${reloadReport(s, result.reload)}${elsewhere}`
      : `Gagal mengembalikan ${id}: ${result.error}\nTidak ada yang berubah.`,
  );
});
