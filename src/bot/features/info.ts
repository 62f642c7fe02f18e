import { Composer } from "grammy";
import { articleList } from "../../answer/sources";
import { formatPeriod, yearOf } from "../../format/period";
import { replyHeadlined } from "../reply-text";
import type { BotContext } from "../services";
import { withinLimit } from "../within-limit";

export const infoFeature = new Composer<BotContext>();

infoFeature.command("sumber", async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  const k = ctx.services.store.current;
  const text = [
    `Sumber data: ${k.table.articles.length} berita, ${k.table.facts.length} angka.`,
    ...articleList(k),
  ].join("\n");
  await replyHeadlined(ctx, text);
});

infoFeature.command("data", async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  const k = ctx.services.store.current;
  const lines = k.lexicon.metrics.flatMap((m) => {
    const regions = k.table.regionsWith(m.id);
    if (!regions.length) return [];
    const where = regions.map((r) => {
      const years = k.table.find(m.id, r).map((f) => yearOf(f.period));
      const span = `${Math.min(...years)}${Math.max(...years) > Math.min(...years) ? `–${Math.max(...years)}` : ""}`;
      return `${k.regionName(r)} ${span}`;
    });
    return [`• ${m.label}: ${where.join("; ")}`];
  });
  const newest = k.table.articles
    .map((a) => a.published)
    .sort()
    .at(-1);
  const text = [
    "Data yang ada (wilayah dan tahun):",
    ...lines,
    `Berita terbaru: ${newest ? formatPeriod(newest) : "-"}. Angka provinsi; kota/kabupaten memakai angka provinsinya.`,
  ].join("\n");
  await replyHeadlined(ctx, text);
});
