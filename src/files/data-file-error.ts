/**
 * A problem in any data file the bot reads (an article, corrections.json, a file in intents/,
 * a corpus), named by file, line and field precisely enough to fix it without a debugger.
 */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | undefined,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ""}: ${field ? `${field}: ` : ""}${problem}`);
    this.name = "DataFileError";
  }
}

/** Turns a zod issue path such as ["provinces", 3, "aliases"] into "provinces[3].aliases". */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`))
    .join("");
}
