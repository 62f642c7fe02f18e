import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../files/atomic-write";
import type { Logger } from "../logger";

const KEY_FILE = "user-hash.key";
const KEY_BYTES = 32;

/**
 * Keyed hashes of Telegram user ids, for the unanswered log and the process log. A user id is
 * a small number, so an unkeyed hash of one is undone by trying them all: the key is what
 * makes the hash private, and a key shorter than 32 bytes is refused.
 */
export class UserHash {
  private key: Buffer;
  /** The key is in the data folder, or must not be written there; false: try again later. */
  private stored: boolean;

  constructor(
    private readonly dir: string,
    logger: Logger,
  ) {
    const path = join(dir, KEY_FILE);
    this.key = randomBytes(KEY_BYTES);
    this.stored = true;
    // A key that is there but unusable is left for an admin to look at, never overwritten.
    const refuse = (problem: string, err?: unknown) =>
      logger.error(
        { file: path, err },
        `${KEY_FILE} ${problem}, and is not used: user ids are hashed with a key for this run only. Delete the file to have a new one made.`,
      );
    try {
      const found = readFileSync(path);
      if (found.length >= KEY_BYTES) this.key = found;
      else refuse(`is ${found.length} bytes, shorter than the ${KEY_BYTES} required`);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") this.stored = false;
      else refuse("cannot be read", e);
    }
  }

  of(userId: number): string {
    return createHmac("sha256", this.key).update(String(userId)).digest("hex").slice(0, 16);
  }

  /**
   * Writes a new key to the data folder once it can (throws while it cannot), whole or not at
   * all, so a full disk or a crash never leaves a short key.
   */
  store(): void {
    if (this.stored) return;
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(join(this.dir, KEY_FILE), this.key, 0o600);
    this.stored = true;
  }
}
