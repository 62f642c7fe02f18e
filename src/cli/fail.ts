import { type ParseArgsConfig, parseArgs } from "node:util";
import { DataFileError } from "../files/data-file-error";

/** Command-line tools stop on a bad seed or intents file with its message, not a stack trace. */
export function failOnSeedError<T>(load: () => T): T {
  try {
    return load();
  } catch (e) {
    if (!(e instanceof DataFileError)) throw e;
    console.error(`Data tidak valid: ${e.message}`);
    process.exit(1);
  }
}

/**
 * The command line read as parseArgs reads it; an unknown or misused option stops the tool
 * with what was wrong and how to call it, not a stack trace.
 */
export function readCommandLine<T extends ParseArgsConfig>(config: T, usage: string) {
  try {
    return parseArgs(config);
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${usage}`);
    process.exit(2);
  }
}
