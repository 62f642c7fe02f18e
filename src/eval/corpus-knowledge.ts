import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataFileError } from "../files/data-file-error";
import { type Knowledge, loadKnowledge } from "../knowledge/knowledge";
import type { DataPaths } from "../paths";

const articleFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".txt"));

/**
 * The knowledge the bot would have with a corpus's articles added to its seeds, built the way
 * an admin adds articles: all of them in one seeds folder (a temporary one, removed after).
 */
export function loadCorpusKnowledge(
  paths: DataPaths,
  corpusDir: string,
): { knowledge: Knowledge; corpusArticles: Set<string> } {
  const corpusArticlesDir = join(corpusDir, "articles");
  if (!existsSync(corpusArticlesDir))
    throw new DataFileError(corpusArticlesDir, undefined, "no such folder: the corpus's articles");
  const seedArticlesDir = join(paths.seedsDir, "articles");
  const seedFiles = new Set(articleFiles(seedArticlesDir));
  const corpusFiles = articleFiles(corpusArticlesDir);
  const clash = corpusFiles.find((f) => seedFiles.has(f));
  if (clash)
    throw new DataFileError(join("articles", clash), undefined, "both a seed and a corpus article");
  const dir = mkdtempSync(join(tmpdir(), "umkm-eval-"));
  try {
    mkdirSync(join(dir, "articles"));
    for (const f of seedFiles) copyFileSync(join(seedArticlesDir, f), join(dir, "articles", f));
    for (const f of corpusFiles) copyFileSync(join(corpusArticlesDir, f), join(dir, "articles", f));
    const corrections = join(paths.seedsDir, "corrections.json");
    if (existsSync(corrections)) copyFileSync(corrections, join(dir, "corrections.json"));
    return {
      knowledge: loadKnowledge({ ...paths, seedsDir: dir }),
      corpusArticles: new Set(corpusFiles.map((f) => f.slice(0, -4))),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
