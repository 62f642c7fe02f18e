import type { Knowledge } from "../knowledge/knowledge";

/** The short help: what the bot answers, with examples to copy. */
export function helpText(knowledge: Knowledge): string {
  const examples = knowledge.lexicon.intents.examples.map((example) => `• ${example}`).join("\n");
  return [
    "Saya menjawab pertanyaan statistik UMKM Indonesia dari berita, lengkap dengan sumbernya.",
    "Contoh pertanyaan:",
    examples,
    "Perintah: /tanya <pertanyaan>, /sumber (daftar berita), /data (wilayah, data dan tahun yang ada).",
  ].join("\n");
}

export function outOfScopeText(knowledge: Knowledge): string {
  const [first, second] = knowledge.lexicon.intents.examples;
  return `Maaf, saya hanya menjawab statistik UMKM (jumlah, go digital, target, KUR, ekspor, PDB, tenaga kerja dan lainnya) dari berita. Coba: "${first}" atau "${second}".`;
}

export function thanksText(): string {
  return "Sama-sama! Silakan tanya lagi kapan saja.";
}

export function greetingText(knowledge: Knowledge): string {
  return `Halo! ${helpText(knowledge)}`;
}
