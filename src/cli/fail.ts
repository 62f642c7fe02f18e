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
