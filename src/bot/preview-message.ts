import { InlineKeyboard } from "grammy";
import type { Fact } from "../facts/fact-schema";
import { formatPeriod } from "../format/period";
import { answerChanges, draftArticle } from "../ingest/preview";
import type { Knowledge } from "../knowledge/knowledge";
import type { FrontMatter } from "../seeds/article";
import type { AddSession } from "./add-sessions";
import { escapeHtml, MAX_MESSAGE_LENGTH } from "./html";

/** Facts listed (and droppable) one by one; an article with more lists these and counts the rest. */
const LISTED = 20;
const PER_ROW = 5;

const cut = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** "1. "412.345" — jumlah UMKM · Bali · April 2024 · realisasi · tidak yakin" */
function factLine(f: Fact, i: number): string {
  const when = `${formatPeriod(f.period)}${f.periodAssumed ? " (tanggal artikel)" : ""}`;
  const parts = [
    cut(f.measure, 70),
    f.regionName,
    when,
    f.kind,
    ...(f.sure ? [] : ["tidak yakin"]),
  ];
  return `${i + 1}. "${f.written}" — ${parts.join(" · ")}`;
}

/**
 * The preview of an article about to be saved: outlet, date, title, each fact it adds (struck
 * through once dropped), what it changes in today's answers, and the buttons to save, cancel
 * or drop a fact. Fits one message: lines are cut and the list shortened to Telegram's limit.
 */
export function previewMessage(
  k: Knowledge,
  session: AddSession,
  front: FrontMatter,
): { html: string; keyboard: InlineKeyboard } {
  const { facts, dropped } = session;
  const body = session.draft?.body ?? "";
  const kept = facts.filter((_, i) => !dropped.has(i));
  const changes = answerChanges(k, draftArticle(front, body), kept);
  const title = "Pratinjau artikel baru";
  const head = [
    `Media: ${cut(front.outlet, 100)}`,
    `Tanggal: ${formatPeriod(front.published)}`,
    `Judul: ${cut(front.title, 200)}`,
    ...(front.url ? [`Tautan: ${cut(front.url, 200)}`] : []),
    "",
    `Fakta yang akan ditambahkan: ${kept.length} dari ${facts.length}${dropped.size ? ` (${dropped.size} dibuang)` : ""}`,
  ];
  const tail = [
    "",
    "Perubahan jawaban:",
    ...(changes.length
      ? changes.map((c) => `• ${c}`)
      : ["• tidak ada: angka terbaru yang dijawab tetap sama"]),
    "",
    "Tekan ✕ dan nomor fakta untuk membuangnya sebelum disimpan.",
  ];
  const room = MAX_MESSAGE_LENGTH - 100 - [title, ...head, ...tail].join("\n").length;
  const listed: { line: string; gone: boolean }[] = [];
  let used = 0;
  for (const [i, f] of facts.slice(0, LISTED).entries()) {
    const line = cut(factLine(f, i), 160);
    if (used + line.length + 1 > room) break;
    used += line.length + 1;
    listed.push({ line, gone: dropped.has(i) });
  }
  const unlisted = facts.length - listed.length;
  const html = [
    `<b>${escapeHtml(title)}</b>`,
    ...head.map(escapeHtml),
    ...listed.map(({ line, gone }) => (gone ? `<s>${escapeHtml(line)}</s>` : escapeHtml(line))),
    ...(unlisted ? [escapeHtml(`… dan ${unlisted} fakta lain, ikut disimpan`)] : []),
    ...tail.map(escapeHtml),
  ].join("\n");
  const keyboard = new InlineKeyboard()
    .text("💾 Simpan", `add:${session.id}:save`)
    .text("✖ Batal", `add:${session.id}:cancel`);
  for (const [i, { gone }] of listed.entries()) {
    if (i % PER_ROW === 0) keyboard.row();
    keyboard.text(gone ? `↩ ${i + 1}` : `✕ ${i + 1}`, `add:${session.id}:drop:${i}`);
  }
  return { html, keyboard };
}
