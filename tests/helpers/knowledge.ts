import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Knowledge, loadKnowledge } from "../../src/answer/knowledge";
import { dataPaths, projectRoot } from "../../src/paths";
import { SeedError } from "../../src/seeds/seed-error";

let cached: Knowledge | undefined;

/** The knowledge built from the repository's own seeds and intents, once per test file. */
export function seedKnowledge(): Knowledge {
  cached ??= loadKnowledge(dataPaths({}));
  return cached;
}

/** A fixed "today", so "tahun lalu" means the same in every run. */
export const TODAY = new Date("2026-11-22T09:00:00Z");

/** A scratch copy of seeds/ that a test may change. */
export function copyOfSeeds(): string {
  const dir = mkdtempSync(join(tmpdir(), "umkm-seeds-"));
  cpSync(join(projectRoot(), "seeds"), dir, { recursive: true });
  return dir;
}

/** The SeedError that `run` throws; fails the test when it throws none. */
export function seedErrorOf(run: () => unknown): SeedError {
  try {
    run();
  } catch (e) {
    if (e instanceof SeedError) return e;
    throw e;
  }
  throw new Error("expected a SeedError");
}
