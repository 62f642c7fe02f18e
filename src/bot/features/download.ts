import { Composer, InputFile } from "grammy";
import { factsCsv } from "../../table-export/csv";
import { describeFilter, filterFacts, readFilter } from "../../table-export/fact-filter";
import { replyText, replyTo } from "../reply-text";
import type { BotContext } from "../services";
import { withinLimit } from "../within-limit";

export const downloadFeature = new Composer<BotContext>();

/** "/unduh", "/unduh jatim", "/unduh go digital": the fact table, or part of it, as CSV. */
downloadFeature.command("unduh", async (ctx) => {
  if (!(await withinLimit(ctx))) return;
  const s = ctx.services;
  const k = s.store.current;
  const read = readFilter(k, ctx.match, s.now());
  if ("error" in read) return replyText(ctx, read.error);
  const facts = filterFacts(k.table.facts, read.filter);
  const what = describeFilter(k, read.filter);
  if (!facts.length) return replyText(ctx, `Belum ada fakta untuk ${what}.`);
  const articles = new Set(facts.map((f) => f.article)).size;
  const csv = Buffer.from(factsCsv(facts, k.table), "utf8");
  const name = `fakta-umkm-${s.now().toISOString().slice(0, 10)}.csv`;
  await ctx.replyWithDocument(new InputFile(csv, name), {
    caption: `${facts.length} fakta dari ${articles} artikel${what ? ` (${what})` : ""}: satu baris per fakta, dengan media, tanggal, tautan dan kutipannya.`,
    ...replyTo(ctx),
  });
});
