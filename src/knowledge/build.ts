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
  extracted?: readonly Extracted[],
): BuiltFacts {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const extract = extracted ? undefined : makeExtractor(lex);
  const drafts: Draft[] = [];
  const skipped: Skipped[] = [];
  for (const [i, a] of articles.entries()) {
    const out = extract ? extract(a) : outcome(extracted?.[i]);
    if (out.facts.length > limits.MAX_FACTS_PER_ARTICLE)
      throw new DataFileError(
        a.file,
        undefined,
        `gives ${out.facts.length} figures; an article may give at most ${limits.MAX_FACTS_PER_ARTICLE} (MAX_FACTS_PER_ARTICLE)`,
      );
    // A loop, not push(...list): spreading a long list as arguments overflows the stack. The
    // extraction's own objects take the article's id: no copy of each.
    for (const f of out.facts) drafts.push(Object.assign(f, { article: a.id }));
    for (const s of out.skipped) skipped.push(Object.assign(s, { article: a.id }));
  }
  const corrected = applyCorrections(drafts, corrections, byId, lex);
  const read = makeQuantityReader(lex.extraction);
  // The facts of one sentence share its quote: it is read once for all of them.
  const readOnce = new Map<string, ReturnType<QuantityReader>>();
  const readQuantities: QuantityReader = (quote) => {
    let found = readOnce.get(quote);
    if (!found) {
      found = read(quote);
      readOnce.set(quote, found);
    }
    return found;
  };
  const facts = dedupe(corrected).map(([key, d]) =>
    toFact(key, d, byId.get(d.article) as Article, lex, readQuantities),
  );
  return { facts, articles, skipped };
}

/**
 * An article's extraction done elsewhere (a worker thread), or the error it ended in: met in
 * article order, just as if each were extracted in turn here.
 */
export type Extracted = Extraction | { error: string };

function outcome(e: Extracted | undefined): Extraction {
  if (!e) throw new Error("an article was not extracted");
  if ("error" in e) throw new Error(e.error);
  return e;
}

/**
 * buildFacts with the extraction handed to `extractAll` (worker threads, in parallel); the
 * files are read, and every error raised, in the same order.
 */
export async function buildFactsWith(
  seedsDir: string,
  lex: Lexicon,
  limits: SeedLimits,
  extractAll: (articles: Article[]) => Promise<Extracted[]>,
): Promise<BuiltFacts> {
  const articles = readArticles(seedsDir, limits);
  const corrections = readCorrections(seedsDir);
  return factsOf(articles, corrections, lex, limits, await extractAll(articles));
}

/** Each article's extraction, or the message of the error it threw. */
export function extractEach(articles: readonly Article[], lex: Lexicon): Extracted[] {
  const extract = makeExtractor(lex);
  return articles.map((a) => {
    try {
      return extract(a);
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });
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

function readCorrections(seedsDir: string): Correction[] {
  const path = join(seedsDir, "corrections.json");
  return existsSync(path) ? readJsonFile(path, "corrections.json", correctionsFileSchema) : [];
}

function applyCorrections(
  drafts: Draft[],
  corrections: Correction[],
  articles: Map<string, Article>,
  lex: Lexicon,
): Draft[] {
  const metrics = new Set(lex.metrics.map((m) => m.id));
  const regions = new Set(lex.places.keys());
  let out = drafts;
  corrections.forEach((c, i) => {
    const fail = (field: string, problem: string): never => {
      throw new DataFileError("corrections.json", `[${i}].${field}`, problem);
    };
    const articleId = c.action === "add" ? c.fact.article : c.match.article;
    const article =
      articles.get(articleId) ??
      fail(c.action === "add" ? "fact.article" : "match.article", `no article "${articleId}"`);
    if (!article.body.includes(c.quote)) fail("quote", "does not occur verbatim in the article");
    const set = c.action === "add" ? c.fact : c.action === "fix" ? c.set : {};
    if (set.metric && !metrics.has(set.metric)) fail("metric", `unknown metric "${set.metric}"`);
    if (set.region && !regions.has(set.region)) fail("region", `unknown region "${set.region}"`);

    if (c.action === "add") {
      const measure = lex.metrics.find((m) => m.id === c.fact.metric)?.label ?? c.fact.metric;
      out = [
        ...out,
        {
          ...c.fact,
          measure,
          quote: c.quote,
          said: c.quote,
          regionStated: true,
          periodAssumed: false,
          sure: true,
        },
      ];
      return;
    }
    const hits = (d: Draft) =>
      d.article === c.match.article &&
      d.value === c.match.value &&
      (!c.match.metric || d.metric === c.match.metric) &&
      (!c.match.region || d.region === c.match.region) &&
      (!c.match.period || d.period === c.match.period);
    if (!out.some(hits))
      fail(
        "match",
        "matches no extracted fact (did the extractor change? then this correction may be obsolete)",
      );
    out =
      c.action === "drop"
        ? out.filter((d) => !hits(d))
        : out.map((d) => (hits(d) ? { ...d, ...c.set } : d));
  });
  return out;
}

/** An article that states a figure three times states one fact; keep the sentence that names its region. */
function dedupe(drafts: Draft[]): [string, Draft][] {
  const byKey = new Map<string, { d: Draft; undated: string }>();
  for (const d of drafts) {
    const { key, undated } = factKeys(d);
    const seen = byKey.get(key);
    if (!seen || (d.regionStated && !seen.d.regionStated)) byKey.set(key, { d, undated });
  }
  // "hingga Oktober 2020 ... 169.173 unit" and later "yang mencapai 169.173 unit" with no date:
  // the repeat is the dated figure again, not a figure of the article's own date.
  const dated = new Set<string>();
  for (const { d, undated } of byKey.values()) if (!d.periodAssumed) dated.add(undated);
  const out: [string, Draft][] = [];
  for (const [key, { d, undated }] of byKey)
    if (!d.periodAssumed || !dated.has(undated)) out.push([key, d]);
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
