import { z } from "zod";
import { DataFileError, fieldPath } from "../files/data-file-error";
import { periodSchema } from "../format/period";

export const frontMatterSchema = z.object({
  outlet: z
    .string({ error: "required: the news outlet, e.g. ANTARA" })
    .trim()
    .min(1, "required: the news outlet, e.g. ANTARA"),
  published: z
    .string({ error: "required: YYYY, YYYY-MM or YYYY-MM-DD" })
    .pipe(periodSchema)
    .refine((p) => /^\d{4}(-\d{2}){0,2}$/.test(p), "must be YYYY, YYYY-MM or YYYY-MM-DD"),
  title: z
    .string({ error: "required: the article's headline" })
    .trim()
    .min(1, "required: the article's headline"),
  url: z.url().optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type Article = FrontMatter & { id: string; file: string; body: string };

const FENCE = "---";

/** How much of a line an error quotes: enough to find it, never a whole file's worth. */
const QUOTED = 40;

/**
 * Splits "---\nkey: value\n---\nbody" and validates the keys. Errors name the file, the
 * field and its line, since an admin fixes them by hand.
 */
export function parseArticle(text: string, file: string, id: string): Article {
  const lines = text.split("\n");
  if (lines[0]?.trimEnd() !== FENCE) {
    throw new DataFileError(file, "front matter", 'must start with a line "---"', 1);
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trimEnd() === FENCE);
  if (end < 0) throw new DataFileError(file, "front matter", 'has no closing "---" line');

  const raw: Record<string, string> = {};
  const lineOf: Record<string, number> = {};
  for (let i = 1; i < end; i++) {
    const line = lines[i] ?? "";
    if (!line.trim()) continue;
    const m = line.match(/^([a-z_]+):\s*(.*?)\s*$/);
    if (!m?.[1])
      throw new DataFileError(
        file,
        "front matter",
        `expected "key: value", got "${excerpt(line)}"`,
        i + 1,
      );
    if (m[1] in raw) throw new DataFileError(file, m[1], "given twice", i + 1);
    raw[m[1]] = unquote(m[2] ?? "");
    lineOf[m[1]] = i + 1;
  }
  const unknown = Object.keys(raw).filter((k) => !(k in frontMatterSchema.shape));
  if (unknown[0]) {
    throw new DataFileError(
      file,
      unknown[0],
      "unknown field (outlet, published, title, url)",
      lineOf[unknown[0]],
    );
  }

  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = fieldPath(issue?.path ?? []);
    const given = raw[field] === undefined ? "" : ` (got "${excerpt(raw[field])}")`;
    throw new DataFileError(file, field, `${issue?.message ?? "invalid"}${given}`, lineOf[field]);
  }

  const body = lines.slice(end + 1).join("\n");
  if (!body.trim())
    throw new DataFileError(
      file,
      "body",
      "is empty: paste the article's text below the front matter",
    );
  return { ...parsed.data, id, file, body };
}

function excerpt(text: string): string {
  return text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text;
}

function unquote(v: string): string {
  const m = v.match(/^(["'])(.*)\1$/);
  return m?.[2] ?? v;
}

/** The file as an admin would write it by hand: front matter, then the text. */
export function articleText(front: FrontMatter, body: string): string {
  const value = (v: string) => {
    const flat = v.replace(/\s+/g, " ").trim();
    // The reader strips one pair of matching quotes; a value that is quoted whole keeps its own.
    return /^(["']).*\1$/.test(flat) ? (flat.startsWith('"') ? `'${flat}'` : `"${flat}"`) : flat;
  };
  const lines = [
    "---",
    `outlet: ${value(front.outlet)}`,
    `published: ${front.published}`,
    `title: ${value(front.title)}`,
    ...(front.url ? [`url: ${front.url}`] : []),
    "---",
  ];
  return `${lines.join("\n")}\n${body.trim()}\n`;
}
