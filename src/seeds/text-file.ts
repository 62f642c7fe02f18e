import { readFileSync } from "node:fs";
import { SeedError } from "./seed-error";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads a file that must be UTF-8 text; a binary or mis-encoded file is a SeedError naming it. */
export function readTextFile(path: string, shownAs: string): string {
  const bytes = readFileSync(path);
  if (bytes.includes(0))
    throw new SeedError(shownAs, undefined, "not a text file (it contains NUL bytes)");
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new SeedError(shownAs, undefined, "not UTF-8 text; save it as UTF-8");
  }
}
