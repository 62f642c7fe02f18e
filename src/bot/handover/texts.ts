import type { HandedOver, Handover } from "./store";

/*
 * What the handover says to askers and officers, as plain text: callers escape it (or send it
 * through answerToHtml), so a question or an answer with "<" or "&" reaches the other side as
 * typed.
 */

// Long enough to read, short enough that the officers' message, all three in it, stays one
// message of Telegram's 4,096 characters: officers answer by replying to it.
const QUESTION_CHARS = 1_000;
const ANSWER_CHARS = 2_000;
const NAME_CHARS = 64;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export const clipQuestion = (q: string) => clip(q, QUESTION_CHARS);
export const clipAnswer = (a: string) => clip(a, ANSWER_CHARS);
export const clipName = (n: string) => clip(n, NAME_CHARS);

export function confirmation(h: Handover, firstName: string): string {
  return [
    "Yang akan dikirim ke grup petugas:",
    `Pertanyaan: "${h.question}"`,
    `Jawaban bot: "${h.botAnswer}"`,
    `Nama depan Anda (${clipName(firstName)}) ikut hanya jika Anda memilih "Kirim dengan nama". Tanpa nama, petugas tidak tahu siapa yang bertanya, dan jawabannya tetap sampai ke sini.`,
  ].join("\n");
}

export function passedOn(h: Handover): string {
  const named = h.askerName ? `dengan nama ${h.askerName}` : "tanpa nama";
  return `Pertanyaan Anda sudah diteruskan ke petugas (#${h.id}, ${named}). Balasan petugas akan saya kirim di sini, sebagai balasan atas pertanyaan Anda.`;
}

export function forOfficers(h: Handover): string {
  return [
    `Pertanyaan #${h.id} untuk petugas`,
    `Dari: ${h.askerName ?? "penanya yang tidak membagikan namanya"}`,
    `Pertanyaan: "${h.question}"`,
    `Jawaban bot: "${h.botAnswer}"`,
    "Balas pesan ini untuk menjawab. Jawaban dikirim ke penanya tanpa nama Anda; awali dengan /nama agar nama depan Anda ikut. Bila tidak bisa dijawab, balas dengan /tolak <alasan>.",
  ].join("\n");
}

/** Marked as a person's answer, so that no one takes it for a figure the bot sourced. */
export function officersAnswer(text: string, officerName?: string): string {
  return [
    `Jawaban petugas${officerName ? ` (${clipName(officerName)})` : ""}:`,
    text,
    "",
    "Ini jawaban seorang petugas, bukan angka dari berita yang dikutip bot, dan bot tidak menyimpannya sebagai data.",
  ].join("\n");
}

export function officersRefusal(reason: string): string {
  return `Petugas tidak dapat menjawab pertanyaan ini.\nAlasan: ${reason}`;
}

export function reminder(h: Handover, now: number): string {
  return `Pengingat: pertanyaan #${h.id} menunggu sejak ${ago(h, now)}: "${clip(h.question, 200)}". Balas pesan pertanyaannya atau pesan ini untuk menjawab, atau /tolak <alasan>.`;
}

/** The open handovers, oldest first. */
export function queue(open: Handover[], now: number): string {
  if (!open.length) return "Antrian kosong: tidak ada pertanyaan yang menunggu petugas.";
  return [
    `Antrian: ${open.length} pertanyaan menunggu petugas, terlama dulu.`,
    ...open.map((h) => `#${h.id} · ${ago(h, now)} · "${clip(h.question, 200)}"`),
    "Balas pesan pertanyaannya untuk menjawab, atau /tolak <alasan>.",
  ].join("\n");
}

export const STATUS_WORDS: Record<HandedOver["status"], string> = {
  open: "diteruskan ke petugas",
  answered: "dijawab petugas",
  refused: "ditolak petugas",
  blocked: "tak sampai (penanya memblokir bot)",
};

function ago(h: Handover, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(h.handedAt ?? h.createdAt)) / 60_000));
  if (minutes < 60) return `${minutes} menit lalu`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} jam lalu`;
  return `${Math.floor(minutes / 1440)} hari lalu`;
}
