import type { Knowledge } from "../knowledge/knowledge";

/** The short help: what the bot answers, with examples to copy. */
export function helpText(k: Knowledge): string {
  const examples = k.lexicon.intents.examples.map((e) => `• ${e}`).join("\n");
  return [
    "Saya menjawab pertanyaan statistik UMKM Indonesia dari berita, lengkap dengan sumbernya.",
    "Contoh pertanyaan:",
    examples,
    "Perintah: /tanya <pertanyaan>, /sumber (daftar berita), /data (wilayah, data dan tahun yang ada).",
  ].join("\n");
}

export function outOfScopeText(k: Knowledge): string {
  const [a, b] = k.lexicon.intents.examples;
  return `Maaf, saya hanya menjawab statistik UMKM (jumlah, go digital, target) dari berita. Coba: "${a}" atau "${b}".`;
}

export function thanksText(): string {
  return "Sama-sama! Silakan tanya lagi kapan saja.";
}

export function greetingText(k: Knowledge): string {
  return `Halo! ${helpText(k)}`;
}
