import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { DataFileError } from "./data-file-error";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A cap on a file's size, and the setting that raises it, for the message that refuses it. */
export type SizeLimit = { bytes: number; setting: string };

// In words an admin can act on; a file may vanish between listing its folder and reading it.
const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: "does not exist (it was deleted or moved while being read)",
  EISDIR: "is a folder, not a file",
  EACCES: "cannot be read: permission denied",
  EPERM: "cannot be read: permission denied",
  ELOOP: "is a link that leads back to itself",
  ENOTDIR: "is inside something that is not a folder",
};

/** Any error from the file system as a DataFileError naming the file. */
export function fileError(shownAs: string, e: unknown): DataFileError {
  if (e instanceof DataFileError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const problem =
    (code && FILE_PROBLEMS[code]) ??
    `cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})`;
  return new DataFileError(shownAs, undefined, problem);
}

/**
 * Reads a file that must be UTF-8 text; a binary or mis-encoded file, one over the size
 * limit, or one that cannot be read at all is a DataFileError naming it. The size is checked
 * before a byte is read, since a huge file would take the whole process down.
 */
export function readTextFile(path: string, shownAs: string, limit?: SizeLimit): string {
  let bytes: Buffer;
  try {
    bytes = readCapped(path, shownAs, limit);
  } catch (e) {
    throw fileError(shownAs, e);
  }
  if (bytes.includes(0))
    throw new DataFileError(shownAs, undefined, "not a text file (it contains NUL bytes)");
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new DataFileError(shownAs, undefined, "not UTF-8 text; save it as UTF-8");
  }
}

function readCapped(path: string, shownAs: string, limit: SizeLimit | undefined): Buffer {
  const fd = openSync(path, "r");
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory())
      throw new DataFileError(shownAs, undefined, FILE_PROBLEMS.EISDIR as string);
    if (!stat.isFile()) throw new DataFileError(shownAs, undefined, "is not a regular file");
    if (limit && stat.size > limit.bytes)
      throw new DataFileError(
        shownAs,
        undefined,
        `is ${stat.size} bytes; at most ${limit.bytes} are read (${limit.setting})`,
      );
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
