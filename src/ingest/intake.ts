import type { SeedLimits } from "../config";
import type { Fact } from "../facts/fact-schema";
import { DataFileError } from "../files/data-file-error";
import { formatPeriod } from "../format/period";
import type { Knowledge } from "../knowledge/knowledge";
import type { FrontMatter } from "../seeds/article";
import { articleText } from "../seeds/article";
import { type Draft, draftFromPage, draftFromText } from "./draft";
import { findDuplicate } from "./duplicates";
import { type FetchLimits, fetchPage } from "./fetch-page";
import { InputProblem } from "./input-problem";
import { draftArticle, factsToAdd } from "./preview";
import { readPage } from "./read-page";

export type IntakeLimits = SeedLimits & { fetch: FetchLimits };

/** A link: the page fetched and read, refused before any question if it cannot become an article. */
export async function draftOfLink(
  url: string,
  k: Knowledge,
  limits: IntakeLimits,
  today: Date,
): Promise<Draft> {
  // The same address needs no download to be known.
  refuseDuplicate({ url, body: "" }, k);
  const page = await fetchPage(url, limits.fetch);
  let draft: Draft;
  if (page.kind === "text") draft = { ...draftFromText(page.body), url };
  else {
    const read = readPage(page.body, page.url);
    if (!read)
      throw new InputProblem(
        "halaman ini bukan artikel berita: tidak ada teks artikel yang bisa dibaca",
      );
    draft = draftFromPage(read, url);
  }
  checkDraft(draft, k, limits, today);
  return draft;
}

/** A .txt file's text or pasted text, with or without front matter. */
export function draftOfText(text: string, k: Knowledge, limits: SeedLimits, today: Date): Draft {
  const draft = draftFromText(text);
  checkDraft(draft, k, limits, today);
  return draft;
}

/**
 * What makes a draft not worth asking about: too large for an article file, a copy of one
 * loaded, or no figure to read. Figures are read with the dates it has or suggests (today
 * otherwise), before asking for any, so the admin answers no questions for nothing.
 */
function checkDraft(d: Draft, k: Knowledge, limits: SeedLimits, today: Date): void {
  if (!d.body.trim()) throw new InputProblem("teks artikelnya kosong");
  const front = {
    outlet: d.outlet ?? d.suggest.outlet ?? "-",
    published: d.published ?? d.suggest.published ?? today.toISOString().slice(0, 10),
    title: d.title ?? d.suggest.title ?? "-",
    ...(d.url && { url: d.url }),
  };
  const bytes = Buffer.byteLength(articleText(front, d.body));
  if (bytes > limits.MAX_ARTICLE_BYTES)
    throw new InputProblem(
      `artikel ${bytes} byte; paling besar ${limits.MAX_ARTICLE_BYTES} (MAX_ARTICLE_BYTES)`,
    );
  refuseDuplicate(d, k);
  if (factsOfDraft(k, front, d.body, limits).length === 0)
    throw new InputProblem("tidak ada angka statistik UMKM yang bisa dibaca dari artikel ini");
}

/** The facts a complete draft gives; an article the build would refuse is refused here, in its words. */
export function factsOfDraft(
  k: Knowledge,
  front: FrontMatter,
  body: string,
  limits: SeedLimits,
): Fact[] {
  try {
    return factsToAdd(k, draftArticle(front, body), limits);
  } catch (e) {
    if (e instanceof DataFileError) throw new InputProblem(e.problem);
    throw e;
  }
}

function refuseDuplicate(d: { url?: string; body: string }, k: Knowledge): void {
  const problem = duplicateProblem(d, k);
  if (problem) throw new InputProblem(problem);
}

/** Asked again at saving, on the table as it is then: another admin may have saved it meanwhile. */
export function duplicateProblem(
  d: { url?: string; body: string },
  k: Knowledge,
): string | undefined {
  const dup = findDuplicate(d, k.table.articles);
  if (!dup) return undefined;
  const a = dup.article;
  const why = dup.by === "url" ? "alamatnya sama" : "teksnya hampir sama";
  return `artikel ini sudah ada (${why}): ${a.outlet}, ${formatPeriod(a.published)}, "${a.title}" (id ${a.id})`;
}
