import { figureBlock } from "../answer/figures";
import { factValue } from "../answer/wording";
import type { SeedLimits } from "../config";
import { type Fact, measureKey } from "../facts/fact-schema";
import { factsOf } from "../knowledge/build";
import { listKey } from "../knowledge/fact-keys";
import { indexFacts } from "../knowledge/fact-table";
import type { Knowledge } from "../knowledge/knowledge";
import type { Article, FrontMatter } from "../seeds/article";

/** The id a new article is read under until it is saved and gets its file name. */
export const NEW_ARTICLE = "baru";

export function draftArticle(front: FrontMatter, body: string): Article {
  return { ...front, id: NEW_ARTICLE, file: `articles/${NEW_ARTICLE}.txt`, body };
}

/** The facts the article would add, read exactly as a reload will read them. */
export function factsToAdd(k: Knowledge, article: Article, limits: SeedLimits): Fact[] {
  return factsOf([article], [], k.lexicon, limits).facts;
}

/** How many answer changes a preview names; the rest are counted. */
const MAX_CHANGES = 8;

/**
 * What the facts change in the answers people get today: for each measure and place they
 * touch, the figure an answer leads with now and after ("jumlah UMKM Jawa Timur terbaru:
 * 1,15 juta → 2,58 juta"), worked out by the answering code itself on the table with them.
 */
export function answerChanges(k: Knowledge, article: Article, facts: readonly Fact[]): string[] {
  if (facts.length === 0) return [];
  const after: Knowledge = {
    ...k,
    table: indexFacts({
      facts: [...k.table.facts, ...facts],
      articles: [...k.table.articles, article],
      skipped: [...k.table.skipped],
    }),
  };
  const touched = new Map(facts.map((f) => [listKey(measureKey(f), f.region), f]));
  const lines: string[] = [];
  for (const f of touched.values()) {
    const ask = { metric: measureKey(f), region: f.region, target: false };
    const where = f.region === "nasional" ? "nasional" : k.regionName(f.region);
    const what = `${k.metric(ask.metric).label} ${where}`;
    const was = figureBlock(k, ask).headline;
    const now = figureBlock(after, ask).headline;
    if (now && now.article === article.id && (!was || factValue(was) !== factValue(now)))
      lines.push(`${what} terbaru: ${was ? factValue(was) : "belum ada"} → ${factValue(now)}`);
    const oldTarget = k.table.figures(ask.metric, f.region).targets.at(-1)?.[0];
    const newTarget = after.table.figures(ask.metric, f.region).targets.at(-1)?.[0];
    if (newTarget && newTarget.article === article.id && newTarget !== oldTarget)
      lines.push(
        `target ${what}: ${oldTarget ? factValue(oldTarget) : "belum ada"} → ${factValue(newTarget)}`,
      );
  }
  return lines.length > MAX_CHANGES
    ? [...lines.slice(0, MAX_CHANGES), `dan ${lines.length - MAX_CHANGES} perubahan lain`]
    : lines;
}
