import { hash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { type SeedLimits, seedLimitsSchema } from "../config";
import { type ExtractedFact, type Extraction, makeExtractor } from "../extract/extract";
import { makeQuantityReader, type QuantityReader } from "../extract/quantities";
import { type Correction, correctionsFileSchema } from "../facts/corrections";
import type { Fact } from "../facts/fact-schema";
import { DataFileError } from "../files/data-file-error";
import { readJsonFile } from "../files/json-file";
import { fileError } from "../files/text-file";
import type { Lexicon } from "../lexicon/load";
import { placeFor } from "../lexicon/places";
import type { Article } from "../seeds/article";
import { readArticleFile } from "../seeds/article-file";
import { statementKey } from "./fact-keys";

export type ArticleInfo = Omit<Article, "body">;
export type Skipped = Extraction["skipped"][number] & { article: string };
export type BuiltFacts = { facts: Fact[]; articles: Article[]; skipped: Skipped[] };

type Draft = ExtractedFact & { article: string };

/**
 * Reads every article under seedsDir/articles and seedsDir/corrections.json and returns the
 * facts they state. Throws a DataFileError naming the file and field on the first bad input,
 * so a caller can keep its old facts.
 */
export function buildFacts(
  seedsDir: string,
  lex: Lexicon,
  limits: SeedLimits = seedLimitsSchema.parse({}),
): BuiltFacts {
  return factsOf(readArticles(seedsDir, limits), readCorrections(seedsDir), lex, limits);
}

/**
 * The facts of articles not yet on disk, read exactly as a build would read them: what an
 * admin adding an article is shown before it is saved.
 */
export function factsOf(
  articles: Article[],
  corrections: Correction[],
  lex: Lexicon,
  limits: SeedLimits = seedLimitsSchema.parse({}),
): BuiltFacts {
  const { facts, skipped } = partFacts(articles, corrections, lex, limits, false);
  return { facts, articles, skipped };
}

/**
 * The facts of some of a build's articles (a thread's part), or of all of them: each
 * article's own facts in article order, then those the corrections add that state nothing
 * the article states already, ordered by `added`, each one's place in corrections.json. A
 * table's facts are its parts' own facts, part after part, then all the added ones by that
 * place. With `elsewhere`, a correction of an article not among these is another part's.
 */
export type PartFacts = BuiltFacts & { added: number[] };

export function partFacts(
  articles: Article[],
  corrections: Correction[],
  lex: Lexicon,
  limits: SeedLimits,
  elsewhere: boolean,
): PartFacts {
  const extract = makeExtractor(lex);
  const drafted: ArticleDrafts[] = [];
  const skipped: Skipped[] = [];
  for (const a of articles) {
    const out = extract(a);
    if (out.facts.length > limits.MAX_FACTS_PER_ARTICLE)
      throw new DataFileError(
        a.file,
        undefined,
        `gives ${out.facts.length} figures; an article may give at most ${limits.MAX_FACTS_PER_ARTICLE} (MAX_FACTS_PER_ARTICLE)`,
      );
    // The extraction's own objects take the article's id: no copy of each.
    const drafts = out.facts.map((f) => Object.assign(f, { article: a.id }));
    for (const s of out.skipped) skipped.push(Object.assign(s, { article: a.id }));
    drafted.push({ article: a, drafts, added: [] });
  }
  applyCorrections(new Map(drafted.map((d) => [d.article.id, d])), corrections, lex, elsewhere);
  const toFactOf = factMaker(lex);
  const facts: Fact[] = [];
  const added: AddedDraft[] = [];
  for (const d of drafted) {
    const kept = dedupe(d);
    // A loop, not push(...list): spreading a long list as arguments overflows the stack.
    for (const [key, draft] of kept.own) facts.push(toFactOf(key, draft, d.article));
    for (const a of kept.added) added.push({ ...a, article: d.article });
  }
  added.sort((a, b) => a.at - b.at);
  for (const a of added) facts.push(toFactOf(a.key, a.draft, a.article));
  return { facts, articles, skipped, added: added.map((a) => a.at) };
}

/** An article's drafts, and those corrections add to it, each with its correction's place. */
type ArticleDrafts = {
  article: Article;
  drafts: Draft[];
  added: { at: number; draft: Draft }[];
};
type AddedDraft = { at: number; key: string; draft: Draft; article: Article };

/** toFact with the quote checks' readings shared: the facts of one sentence share its quote. */
function factMaker(lex: Lexicon): (key: string, d: Draft, article: Article) => Fact {
  const read = makeQuantityReader(lex.extraction);
  const readOnce = new Map<string, ReturnType<QuantityReader>>();
  const readQuantities: QuantityReader = (quote) => {
    let found = readOnce.get(quote);
    if (!found) {
      found = read(quote);
      readOnce.set(quote, found);
    }
    return found;
  };
  return (key, d, article) => toFact(key, d, article, lex, readQuantities);
}

function readArticles(seedsDir: string, limits: SeedLimits): Article[] {
  const dir = join(seedsDir, "articles");
  if (!existsSync(dir))
    throw new DataFileError(
      dir,
      undefined,
      "no such folder: articles go in SEEDS_DIR/articles/*.txt",
    );
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw fileError(dir, e);
  }
  return articleNames(names).map((f) => readArticleFile(seedsDir, f, limits));
}

/** The article files a build reads, in the order it reads them. */
export function articleNames(files: readonly string[]): string[] {
  return files.filter((f) => f.endsWith(".txt")).sort();
}

export function readCorrections(seedsDir: string): Correction[] {
  const path = join(seedsDir, "corrections.json");
  return existsSync(path) ? readJsonFile(path, "corrections.json", correctionsFileSchema) : [];
}

/**
 * Applies the corrections in file order to the drafts of the articles they name (a
 * correction names one article, so each article's drafts can be corrected apart).
 */
function applyCorrections(
  drafted: Map<string, ArticleDrafts>,
  corrections: Correction[],
  lex: Lexicon,
  elsewhere: boolean,
): void {
  const metrics = new Set(lex.metrics.map((m) => m.id));
  const regions = new Set(lex.places.keys());
  corrections.forEach((c, i) => {
    const fail = (field: string, problem: string): never => {
      throw new DataFileError("corrections.json", `[${i}].${field}`, problem);
    };
    const articleId = c.action === "add" ? c.fact.article : c.match.article;
    const at = drafted.get(articleId);
    if (!at && elsewhere) return;
    const { article } =
      at ??
      fail(c.action === "add" ? "fact.article" : "match.article", `no article "${articleId}"`);
    if (!article.body.includes(c.quote)) fail("quote", "does not occur verbatim in the article");
    const set = c.action === "add" ? c.fact : c.action === "fix" ? c.set : {};
    if (set.metric && !metrics.has(set.metric)) fail("metric", `unknown metric "${set.metric}"`);
    if (set.region && !regions.has(set.region)) fail("region", `unknown region "${set.region}"`);
    correct(at as ArticleDrafts, c, i, lex, () =>
      fail(
        "match",
        "matches no extracted fact (did the extractor change? then this correction may be obsolete)",
      ),
    );
  });
}

/** One correction, already checked, applied to its article's drafts. */
function correct(
  drafted: ArticleDrafts,
  c: Correction,
  at: number,
  lex: Lexicon,
  unmatched: () => never,
): void {
  if (c.action === "add") {
    const measure = lex.metrics.find((m) => m.id === c.fact.metric)?.label ?? c.fact.metric;
    const draft: Draft = {
      ...c.fact,
      measure,
      quote: c.quote,
      said: c.quote,
      regionStated: true,
      periodAssumed: false,
      sure: true,
    };
    drafted.added.push({ at, draft });
    return;
  }
  const hits = (d: Draft) =>
    d.article === c.match.article &&
    d.value === c.match.value &&
    (!c.match.metric || d.metric === c.match.metric) &&
    (!c.match.region || d.region === c.match.region) &&
    (!c.match.period || d.period === c.match.period);
  if (!drafted.drafts.some(hits) && !drafted.added.some((a) => hits(a.draft))) unmatched();
  if (c.action === "drop") {
    drafted.drafts = drafted.drafts.filter((d) => !hits(d));
    drafted.added = drafted.added.filter((a) => !hits(a.draft));
    return;
  }
  const fixed = (d: Draft) => (hits(d) ? { ...d, ...c.set } : d);
  drafted.drafts = drafted.drafts.map(fixed);
  drafted.added = drafted.added.map((a) => ({ at: a.at, draft: fixed(a.draft) }));
}

/**
 * An article that states a figure three times states one fact; keep the sentence that names
 * its region. A figure a correction adds, that the article does not state already, is
 * `added`: it goes after every article's own facts.
 */
function dedupe({ drafts, added }: ArticleDrafts): {
  own: [string, Draft][];
  added: { at: number; key: string; draft: Draft }[];
} {
  const byKey = new Map<string, { d: Draft; undated: string; at: number }>();
  const see = (d: Draft, at: number) => {
    const { key, undated } = factKeys(d);
    const seen = byKey.get(key);
    // A figure stated again keeps the place where it was first stated.
    if (!seen || (d.regionStated && !seen.d.regionStated))
      byKey.set(key, { d, undated, at: seen ? seen.at : at });
  };
  for (const d of drafts) see(d, -1);
  for (const a of added) see(a.draft, a.at);
  // "hingga Oktober 2020 ... 169.173 unit" and later "yang mencapai 169.173 unit" with no date:
  // the repeat is the dated figure again, not a figure of the article's own date.
  const dated = new Set<string>();
  for (const { d, undated } of byKey.values()) if (!d.periodAssumed) dated.add(undated);
  const out: ReturnType<typeof dedupe> = { own: [], added: [] };
  for (const [key, { d, undated, at }] of byKey) {
    if (d.periodAssumed && dated.has(undated)) continue;
    if (at < 0) out.own.push([key, d]);
    else out.added.push({ at, key, draft: d });
  }
  return out;
}

/** What a fact says, as a key; and the same with its period left empty. */
function factKeys(d: Draft): { key: string; undated: string } {
  // "60 ribuan" and "60.000" in one article are one figure written twice: both are kept, each with its words.
  const written = d.written
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/(\d)\.(?=\d{3})/g, "$1");
  const figure = `|${d.value}|${written}`;
  return {
    key: `${statementKey(d)}${figure}`,
    undated: `${statementKey({ ...d, period: "" })}${figure}`,
  };
}

function toFact(
  key: string,
  d: Draft,
  article: Article,
  lex: Lexicon,
  readQuantities: QuantityReader,
): Fact {
  const id = `${d.article}-${hash("sha1", key).slice(0, 8)}`;
  const place = placeFor(lex.places, d.region);
  if (!place) throw new DataFileError(article.file, "region", `unknown region "${d.region}"`);
  const fact: Fact = {
    id,
    article: d.article,
    metric: d.metric,
    measure: d.measure,
    region: d.region,
    regionName: place.name,
    regionLevel: place.level,
    province: place.province,
    period: d.period,
    periodAssumed: d.periodAssumed,
    kind: d.kind,
    value: d.value,
    ...(d.valueMax === undefined ? {} : { valueMax: d.valueMax }),
    ...(d.approx === undefined ? {} : { approx: d.approx }),
    unit: d.unit,
    written: d.written,
    quote: d.quote,
    said: d.said,
    outlet: article.outlet,
    published: article.published,
    sure: d.sure,
  };
  checkQuote(fact, article, readQuantities);
  return fact;
}

/** The promise behind every answer: the number is in the sentence, and the sentence is in the article. */
export function checkQuote(fact: Fact, article: Article, read: QuantityReader): void {
  const fail = (problem: string) => {
    throw new DataFileError(article.file, `fact ${fact.id} (${fact.written})`, problem);
  };
  if (!article.body.includes(fact.quote)) fail("its quote does not occur verbatim in the article");
  if (!fact.quote.includes(fact.written)) fail(`its quote does not contain "${fact.written}"`);
  if (!read(fact.quote).some((q) => q.written === fact.written && q.value === fact.value))
    fail(`"${fact.written}" does not read as ${fact.value}`);
}
