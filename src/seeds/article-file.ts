import { lstatSync, realpathSync } from "node:fs";
import { join, sep } from "node:path";
import type { SeedLimits } from "../config";
import { DataFileError } from "../files/data-file-error";
import { fileError, readTextFile } from "../files/text-file";
import { type Article, parseArticle } from "./article";

/**
 * Reads SEEDS_DIR/articles/<name>. The file must resolve inside SEEDS_DIR: a link elsewhere
 * could make the bot read, and quote back in an error, any file the process may read.
 */
export function readArticleFile(seedsDir: string, name: string, limits: SeedLimits): Article {
  const shown = join("articles", name);
  const path = join(seedsDir, "articles", name);
  let real: string;
  let root: string;
  try {
    real = realpathSync.native(path);
    root = realpathSync.native(seedsDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" && isLink(path))
      throw new DataFileError(shown, undefined, "is a link to a file that does not exist");
    throw fileError(shown, e);
  }
  if (!real.startsWith(root + sep))
    throw new DataFileError(
      shown,
      undefined,
      "is a link to a file outside SEEDS_DIR; copy the article into SEEDS_DIR/articles instead",
    );
  const text = readTextFile(path, shown, {
    bytes: limits.MAX_ARTICLE_BYTES,
    setting: "MAX_ARTICLE_BYTES",
  });
  return parseArticle(text, shown, articleId(name));
}

/** An article's id: its file's name without ".txt". */
export function articleId(name: string): string {
  return name.slice(0, -4);
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
