import type { Api } from "grammy";
import { z } from "zod";
import type { ReloadResult } from "../knowledge/store";
import { escapeHtml, splitMessage } from "./html";
import type { Services } from "./services";

const CHANNEL = "reload";
const messageSchema = z.object({ origin: z.string(), chatId: z.number() });

/** What a reload did, for the admin who asked for it. */
export function reloadReport(s: Services, result: ReloadResult): string {
  const took = `${result.seconds.toFixed(2).replace(".", ",")} detik`;
  const k = s.store.current;
  return result.ok
    ? `Data dimuat ulang: ${result.summary} (${took}). Sekarang ${k.table.facts.length} fakta dari ${k.table.articles.length} artikel.`
    : `Gagal memuat ulang, data lama tetap dipakai.\n${result.error}`;
}

/** Reloads this instance's table, counted and logged with who or what asked. */
export async function reloadHere(
  s: Services,
  asked: Record<string, unknown>,
): Promise<ReloadResult> {
  const result = await s.store.reload();
  s.metrics.reloads.inc({ result: result.ok ? "ok" : "failed" });
  s.logger.info({ ...asked, ok: result.ok, seconds: result.seconds }, "reload");
  return result;
}

/**
 * Asks every other instance to reload too; each reports to `chatId` itself. Returns false
 * when the others could not be told (Redis down).
 */
function reloadOthers(s: Services, chatId: number): Promise<boolean> {
  return s.storage.publish(CHANNEL, { origin: s.instance, chatId }).then(
    () => true,
    () => false,
  );
}

/**
 * After this instance changed or reloaded the articles, the other instances reload too and
 * report to `chatId` themselves. What the admin should know of it: nothing, or that they could
 * not be told.
 */
export async function reloadElsewhere(s: Services, chatId: number): Promise<string> {
  if (s.storage.kind === "embedded") return "";
  return (await reloadOthers(s, chatId))
    ? ""
    : "\nInstans lain tidak dapat diberi tahu (Redis tidak terjangkau).";
}

/**
 * Reloads when another instance asks, and tells the admin's chat how it went, named, since
 * the admin's own reply came from the instance that took the command.
 */
export function listenForReloads(api: Api, s: Services): void {
  s.storage.subscribe(CHANNEL, (raw) => {
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success || parsed.data.origin === s.instance) return;
    const { chatId, origin } = parsed.data;
    void (async () => {
      const result = await reloadHere(s, { askedBy: origin });
      for (const piece of splitMessage(`Instans ${s.instance}: ${reloadReport(s, result)}`))
        await api.sendMessage(chatId, escapeHtml(piece));
    })().catch((err) => s.logger.error({ err }, "reload asked by another instance failed"));
  });
}
