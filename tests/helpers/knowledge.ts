import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDataSettings } from "../../src/config";
import { DataFileError } from "../../src/files/data-file-error";
import { type Knowledge, loadKnowledge } from "../../src/knowledge/knowledge";
import { dataPaths, projectRoot } from "../../src/paths";

/**
 * The tests' own copy of the seeds: admins change seeds/, and a test that read it would
 * fail whenever an article is added there.
 */
export const FIXTURE_SEEDS = join(projectRoot(), "tests", "fixtures", "seeds");

/** The environment of a spawned bot or command line that reads the fixture seeds. */
export function fixtureEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !["BOT_TOKEN", "WEBHOOK_URL", "INTENTS_DIR"].includes(k),
    ),
  );
  return { ...env, SEEDS_DIR: FIXTURE_SEEDS };
}

let cached: Knowledge | undefined;

/** The knowledge built from the fixture seeds and the repository's intents, once per test file. */
export function seedKnowledge(): Knowledge {
  cached ??= loadKnowledge({ ...dataPaths(readDataSettings({})), seedsDir: FIXTURE_SEEDS });
  return cached;
}

/** A fixed "today", so "tahun lalu" means the same in every run. */
export const TODAY = new Date("2026-11-22T09:00:00Z");

/** A scratch copy of the fixture seeds that a test may change. */
export function copyOfSeeds(): string {
  const dir = mkdtempSync(join(tmpdir(), "umkm-seeds-"));
  cpSync(FIXTURE_SEEDS, dir, { recursive: true });
  return dir;
}

/** The DataFileError that `run` throws; fails the test when it throws none. */
export function dataFileErrorOf(run: () => unknown): DataFileError {
  try {
    run();
  } catch (e) {
    if (e instanceof DataFileError) return e;
    throw e;
  }
  throw new Error("expected a DataFileError");
}
