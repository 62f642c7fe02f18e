/**
 * Lowercases and turns every character that is not a latin letter or digit into a space,
 * one character for one, so positions in the folded text are positions in the original.
 */
export function foldKeepingPositions(text: string): string {
  let out = "";
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const plain = lower.normalize("NFD").replace(/\p{M}/gu, "");
    const c = plain.length === 1 && /[a-z0-9]/.test(plain) ? plain : " ";
    // Astral characters are two UTF-16 units; keep the length in units.
    out += ch.length === 2 ? `${c} ` : c;
  }
  return out;
}

/** Folded and with runs of spaces collapsed: for matching words, not for positions. */
export function foldWords(text: string): string {
  return foldKeepingPositions(text).replace(/\s+/g, " ").trim();
}

/** A regex source that matches the phrase with any run of spaces between its words. */
export function phrasePattern(phrase: string): string {
  return phrase
    .split(" ")
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s+");
}

/** One regex for many phrases, longest first so "jawa barat" wins over "jawa". */
export function phrasesRegex(phrases: Iterable<string>): RegExp {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length).map(phrasePattern);
  return new RegExp(`(?<![a-z0-9])(?:${sorted.join("|")})(?![a-z0-9])`, "g");
}
