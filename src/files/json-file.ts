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
    const at = Number(message.match(/position (\d+)/)?.[1]);
    const line = Number.isFinite(at) ? text.slice(0, at).split("\n").length : undefined;
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
