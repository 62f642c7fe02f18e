import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type DataSettings, readDataSettings, type SeedLimits } from "./config";

/** The folder with package.json, found from this file, so the bot runs from any working directory. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

export type DataPaths = { seedsDir: string; intentsDir: string; limits: SeedLimits };

/**
 * The data folders and limits from validated settings (the bot's config, or the command
 * line's), so that the environment is read in one place: config.ts.
 */
export function dataPaths(settings: DataSettings = readDataSettings(process.env)): DataPaths {
  const root = projectRoot();
  return {
    seedsDir: settings.SEEDS_DIR ? resolve(settings.SEEDS_DIR) : join(root, "seeds"),
    intentsDir: settings.INTENTS_DIR ? resolve(settings.INTENTS_DIR) : join(root, "intents"),
    limits: {
      MAX_ARTICLE_BYTES: settings.MAX_ARTICLE_BYTES,
      MAX_FACTS_PER_ARTICLE: settings.MAX_FACTS_PER_ARTICLE,
    },
  };
}
