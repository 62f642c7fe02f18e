import { type FrontMatter, frontMatterSchema } from "../seeds/article";
import { dateInText, readDate } from "./date-input";
import type { PageArticle } from "./read-page";

export type DraftField = "outlet" | "published" | "title";

/** An article on its way in: what is known of it, and what was found but must be confirmed. */
export type Draft = Partial<FrontMatter> & {
  body: string;
  suggest: Partial<Record<DraftField, string>>;
};

/** Asked one at a time, in this order, until the front matter is complete. */
const FIELDS: DraftField[] = ["outlet", "published", "title"];

export function isDraftField(name: string): name is DraftField {
  return FIELDS.some((f) => f === name);
}

export function missingField(d: Draft): DraftField | undefined {
  return FIELDS.find((f) => !d[f]);
}

/**
 * Sets a field from what the admin typed or picked; false when it is not a valid value
 * (a date that is no date), so the question is asked again.
 */
export function setField(d: Draft, field: DraftField, value: string): boolean {
  const v = field === "published" ? readDate(value) : value.replace(/\s+/g, " ").trim();
  const parsed = v === undefined ? undefined : frontMatterSchema.shape[field].safeParse(v);
  if (!parsed?.success) return false;
  d[field] = parsed.data;
  return true;
}

/** A .txt file or pasted text, with or without front matter. */
export function draftFromText(text: string): Draft {
  const fenced = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  const body = (fenced ? text.slice(fenced[0].length) : text).replace(/\r\n?/g, "\n").trim();
  const draft: Draft = { body, suggest: guesses(body) };
  for (const line of fenced?.[1]?.split(/\r?\n/) ?? []) {
    const m = /^(outlet|published|title|url):\s*(.*?)\s*$/.exec(line);
    if (!m?.[1] || !m[2]) continue;
    const key = m[1];
    const value = m[2].replace(/^(["'])(.*)\1$/, "$2");
    // A value that does not read (a date that is no date) is asked for as if missing.
    if (isDraftField(key)) setField(draft, key, value);
    else if (frontMatterSchema.shape.url.safeParse(value).success) draft.url = value;
  }
  return draft;
}

/** A page read from a link: what it declares is taken; its host is only a suggestion. */
export function draftFromPage(page: PageArticle, url: string): Draft {
  const suggest: Draft["suggest"] = { outlet: page.host };
  const date = dateInText(page.body);
  if (date) suggest.published = date;
  return {
    body: page.body,
    url,
    suggest,
    ...(page.outlet && { outlet: page.outlet }),
    ...(page.published && { published: page.published }),
    ...(page.title && { title: page.title }),
  };
}

// "Denpasar (Kabar Bali) -" and "Bisnis.com, JAKARTA -": the outlet a dateline names.
const DATELINE_OUTLET = [
  /^\p{Lu}[\p{L} ]{1,40}?\s*\(([^)]{2,40})\)\s*(?:-{1,3}|–|—)/u,
  /^([\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net)),\s*\p{Lu}/iu,
];

/** What plain text suggests of itself: the dateline's outlet, a first line that reads as a headline, a date. */
function guesses(body: string): Draft["suggest"] {
  const lines = body
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const out: Draft["suggest"] = {};
  const datelineOutlet = (line: string) =>
    DATELINE_OUTLET.map((re) => re.exec(line)?.[1]).find(Boolean);
  const outlet = lines.slice(0, 3).map(datelineOutlet).find(Boolean);
  if (outlet) out.outlet = outlet.trim();
  const first = lines[0] ?? "";
  if (lines.length > 1 && first.length <= 200 && !/[.:]$/.test(first) && !datelineOutlet(first))
    out.title = first;
  const date = dateInText(body);
  if (date) out.published = date;
  return out;
}
