import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { periodSchema } from "../format/period";

/** What a news page says of itself, and its main text. */
export type PageArticle = {
  body: string;
  title?: string;
  /** og:site_name, when the page gives it. */
  outlet?: string;
  /** The page's host without "www.": a suggestion for the outlet, never taken unasked. */
  host: string;
  /** article:published_time or JSON-LD datePublished, as YYYY-MM-DD. */
  published?: string;
};

/** The DOM as far as this file walks it; linkedom's nodes have these. */
type DomNode = {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
};

// Shorter than this, what the reader finds is a teaser or a list, not an article to read.
const MIN_ARTICLE_CHARS = 300;

const BLOCKS = new Set(
  "p div section article header footer h1 h2 h3 h4 h5 h6 li ul ol blockquote pre table tr figure figcaption".split(
    " ",
  ),
);

/**
 * The article in a page: its main text as Mozilla's Readability (the reader view of Firefox)
 * finds it, in paragraphs, with the outlet, date and title the page declares. Undefined when
 * the page is not an article (a home page, a list of links, a form).
 */
export function readPage(html: string, url: string): PageArticle | undefined {
  const { document } = parseHTML(html);
  // Read before Readability, which rewrites the document as it goes.
  const meta = (property: string) =>
    document
      .querySelector(`meta[property="${property}"], meta[name="${property}"]`)
      ?.getAttribute("content")
      ?.trim() || undefined;
  const outlet = meta("og:site_name");
  const published =
    dateOf(meta("article:published_time")) ??
    dateOf(jsonLdDate(document.querySelectorAll("script")));
  const title = meta("og:title") ?? (document.title.trim() || undefined);
  if (!isProbablyReaderable(document)) return undefined;
  const parsed = new Readability<string>(document, {
    serializer: (node: DomNode) => paragraphs(node),
  }).parse();
  const body = parsed?.content ?? "";
  if (body.length < MIN_ARTICLE_CHARS) return undefined;
  return {
    body,
    host: new URL(url).hostname.replace(/^www\./, ""),
    ...(outlet && { outlet }),
    ...(published && { published }),
    ...(title && { title }),
  };
}

/** The text under a node, a blank line between blocks, so sentences stay apart. */
function paragraphs(root: DomNode): string {
  const out: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) out.push(node.textContent ?? "");
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toLowerCase();
    if (tag === "br") out.push("\n");
    const block = BLOCKS.has(tag);
    if (block) out.push("\n\n");
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) out.push("\n\n");
  };
  walk(root);
  return out
    .join("")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

/** The first datePublished in the page's JSON-LD, wherever in its graph it is. */
function jsonLdDate(
  scripts: ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>,
): string | undefined {
  const find = (value: unknown): string | undefined => {
    if (Array.isArray(value)) return value.map(find).find(Boolean);
    if (typeof value !== "object" || value === null) return undefined;
    const record = value as Record<string, unknown>;
    if (typeof record.datePublished === "string") return record.datePublished;
    return find(record["@graph"]);
  };
  for (const script of Array.from(scripts)) {
    if (script.getAttribute("type")?.toLowerCase() !== "application/ld+json") continue;
    try {
      const date = find(JSON.parse(script.textContent ?? ""));
      if (date) return date;
    } catch {
      // A page's broken JSON-LD is its own problem; the date is then asked for.
    }
  }
  return undefined;
}

/** "2024-05-06T08:00:00+08:00" is 6 May where it was published: the date as written. */
function dateOf(value: string | undefined): string | undefined {
  const day = value?.trim().slice(0, 10);
  return day && periodSchema.safeParse(day).success && /^\d{4}-\d{2}-\d{2}$/.test(day)
    ? day
    : undefined;
}
