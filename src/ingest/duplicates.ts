import type { Article } from "../seeds/article";

/** The same page, however it was linked: no fragment, tracking parameters or "www.". */
export function sameUrlKey(link: string): string {
  try {
    const u = new URL(link);
    for (const key of [...u.searchParams.keys()])
      if (/^(utm_|fbclid$|gclid$)/.test(key)) u.searchParams.delete(key);
    const query = u.searchParams.toString();
    return `${u.hostname.replace(/^www\./, "")}${u.pathname.replace(/\/+$/, "")}${query ? `?${query}` : ""}`;
  } catch {
    return link;
  }
}

// Runs of five words: two copies of one story share nearly all, two stories on one topic few.
const SHINGLE = 5;
const NEARLY_SAME = 0.8;

const shinglesOf = new WeakMap<Article, Set<string>>();

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(" "));
  return out;
}

/** Share of the smaller text's word runs the other has too: a copy with a line added still matches. */
function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/** An article already loaded that a new one repeats: by its address, or by nearly all its text. */
export function findDuplicate(
  draft: { url?: string; body: string },
  articles: readonly Article[],
): { article: Article; by: "url" | "text" } | undefined {
  if (draft.url) {
    const key = sameUrlKey(draft.url);
    const same = articles.find((a) => a.url && sameUrlKey(a.url) === key);
    if (same) return { article: same, by: "url" };
  }
  const mine = shingles(draft.body);
  for (const a of articles) {
    let theirs = shinglesOf.get(a);
    if (!theirs) {
      theirs = shingles(a.body);
      shinglesOf.set(a, theirs);
    }
    if (overlap(mine, theirs) >= NEARLY_SAME) return { article: a, by: "text" };
  }
  return undefined;
}
