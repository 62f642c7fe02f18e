/**
 * Lowercases and turns every character that is not a latin letter or digit into a space,
 * one character for one, so positions in the folded text are positions in the original.
 * Accented letters keep their base letter ("é" → "e").
 */
export function foldKeepingPositions(text: string): string {
  const lower = text.toLowerCase();
  // A few characters change length when lowercased ("İ"); those texts take the slow path.
  if (lower.length !== text.length) return foldCharByChar(text);
  return lower.replace(/[^a-z0-9 ]/g, baseLetterOrSpace);
}

function baseLetterOrSpace(ch: string): string {
  if (ch < "\u00c0") return " ";
  const base = ch.normalize("NFD")[0] ?? " ";
  return base >= "a" && base <= "z" ? base : " ";
}

function foldCharByChar(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = baseLetterOrSpace(ch.toLowerCase());
    // Astral characters are two UTF-16 units; keep the length in units.
    out += ch.length === 2 ? `${c} ` : c;
  }
  return out;
}

/** Folded and with runs of spaces collapsed: for matching words, not for positions. */
export function foldWords(text: string): string {
  const lower = text.toLowerCase();
  // Plain ASCII has no accents to strip: one replace does it.
  if (!/[\u0080-\uffff]/.test(lower)) return lower.replace(/[^a-z0-9]+/g, " ").trim();
  return foldKeepingPositions(text).replace(/\s+/g, " ").trim();
}

/** A regex source that matches the phrase with any run of spaces between its words. */
export function phrasePattern(phrase: string): string {
  return phrase
    .split(" ")
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s+");
}
