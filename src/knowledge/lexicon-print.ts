import { hash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A fingerprint of the intents folder's files: a reload whose build read the same files keeps
 * the lexicon it has (and the detectors made from it) instead of reading it again.
 */
export function lexiconPrint(intentsDir: string): string {
  const names = readdirSync(intentsDir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const parts = names.map((f) => `${f}\n${readFileSync(join(intentsDir, f), "utf8")}`);
  return hash("sha1", parts.join("\n\u0000\n"));
}
