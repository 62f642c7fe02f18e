import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readSeedLimits, type SeedLimits } from "./config";

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

export function dataPaths(env: NodeJS.ProcessEnv = process.env): DataPaths {
  const root = projectRoot();
  return {
    seedsDir: env.SEEDS_DIR ? resolve(env.SEEDS_DIR) : join(root, "seeds"),
    intentsDir: env.INTENTS_DIR ? resolve(env.INTENTS_DIR) : join(root, "intents"),
    limits: readSeedLimits(env),
  };
}
