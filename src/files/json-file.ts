import type { z } from "zod";
import { DataFileError, fieldPath } from "./data-file-error";
import { readTextFile } from "./text-file";

/** Reads one JSON file and validates it; errors name the file, the line or the field. */
export function readJsonFile<S extends z.ZodType>(
  path: string,
  shownAs: string,
  schema: S,
): z.infer<S> {
  const text = readTextFile(path, shownAs);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const line = text.slice(0, badOffset(text)).split("\n").length;
    throw new DataFileError(shownAs, undefined, `not valid JSON: ${message}`, line);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(
      shownAs,
      fieldPath(issue?.path ?? []) || undefined,
      issue?.message ?? "invalid",
    );
  }
  return parsed.data;
}

/** Where JSON.parse gives up: Node 20 names no position for some errors ("Unexpected token"). */
function badOffset(text: string): number {
  const at = Number(/position (\d+)/.exec(parseError(text))?.[1]);
  if (Number.isFinite(at)) return at;
  // A prefix of good JSON fails only by running out, so the longest such prefix ends where the
  // text goes wrong: a binary search, a few parses of a file of a few kilobytes.
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (runsOut(text.slice(0, mid))) good = mid;
    else bad = mid;
  }
  return good;
}

function runsOut(prefix: string): boolean {
  const message = parseError(prefix);
  return (
    message === "" ||
    message.startsWith("Unexpected end") ||
    message.endsWith(`at position ${prefix.length}`)
  );
}

function parseError(text: string): string {
  try {
    JSON.parse(text);
    return "";
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
