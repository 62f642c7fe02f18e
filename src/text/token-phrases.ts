/** A run of letters or of digits in folded text, with where it stands. */
export type Token = { text: string; start: number; end: number };

/** Phrases over tokens, longest first. */
export class Phrases<T> {
  private readonly map: Map<string, T>;
  private readonly longest: number;
  // Most words start no phrase: one set lookup settles them. Longer phrases grow word by word
  // only while they still start one.
  private readonly starts: Set<string>;
  private readonly prefixes: Set<string>;

  constructor(entries: Iterable<readonly [string, T]>) {
    this.map = new Map(entries);
    this.longest = Math.max(1, ...[...this.map.keys()].map((k) => k.split(" ").length));
    this.starts = new Set(this.firstWords());
    this.prefixes = new Set(
      [...this.map.keys()].flatMap((k) =>
        k.split(" ").map((_, i, w) => w.slice(0, i + 1).join(" ")),
      ),
    );
  }

  at(tokens: readonly Token[], i: number): { value: T; next: number } | undefined {
    const first = tokens[i]?.text ?? "";
    if (!this.starts.has(first)) return undefined;
    // The longest phrase that starts here, as if tried from the longest down.
    let phrase = first;
    let found: { value: T; next: number } | undefined;
    const most = Math.min(this.longest, tokens.length - i);
    for (let n = 1; n <= most; n++) {
      if (n > 1) {
        // Within the tokens: n stops at tokens.length - i.
        phrase = `${phrase} ${(tokens[i + n - 1] as Token).text}`;
        if (!this.prefixes.has(phrase)) break;
      }
      const value = this.map.get(phrase);
      if (value !== undefined) found = { value, next: i + n };
    }
    return found;
  }

  firstWords(): string[] {
    return [...this.map.keys()].map((k) => k.split(" ")[0] ?? k);
  }
}

/** A set of phrases that stand for nothing but themselves. */
export const phraseSet = (words: readonly string[]) =>
  new Phrases(words.map((w) => [w, true] as const));

export const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => c >= 97 && c <= 122;

/** Runs of letters a-z and runs of digits, as /[a-z]+|\d+/g finds them, in one pass. */
export function tokensOf(folded: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < folded.length; ) {
    const c = folded.charCodeAt(i);
    const kind = isLetter(c) ? isLetter : isDigit(c) ? isDigit : undefined;
    if (!kind) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < folded.length && kind(folded.charCodeAt(end))) end++;
    tokens.push({ text: folded.slice(i, end), start: i, end });
    i = end;
  }
  return tokens;
}
