import {
  accessSync,
  appendFileSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
} from "node:fs";
import { rename as renameAsync, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { Logger } from "../logger";
import { SlidingWindows } from "./sliding-windows";
import { type Storage, StorageUnavailable } from "./storage";

/** DATA_DIR/state.json: each key's stored JSON and when it expires (ms since the epoch). */
const stateSchema = z.object({ values: z.record(z.string(), z.tuple([z.string(), z.number()])) });

const STATE_FILE = "state.json";

type Entry = { json: string; expires: number };

/**
 * The default storage, for one process and no server: values live in memory and are saved to
 * DATA_DIR/state.json a moment after they change (and at a graceful stop), written to a
 * temporary file and renamed, so a crash leaves the old file or the new one, never half of
 * one. A restart reads it back, so conversations outlive it for their 15 minutes. Lists are
 * JSON-lines files beside it; rate-limit windows stay in memory, since they last a minute.
 *
 * While DATA_DIR cannot be written, everything still works from memory, one warning is
 * logged, and each change tries again.
 */
export class EmbeddedStorage implements Storage {
  readonly kind = "embedded";
  private readonly values = new Map<string, Entry>();
  private readonly windows = new SlidingWindows();
  private readonly listSizes = new Map<string, number>();
  private readonly channels = new Map<string, Set<(message: unknown) => void>>();
  private readonly dir: string;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly maxKeys: number;
  private readonly saveDelayMs: number;
  private saveTimer?: NodeJS.Timeout;
  private saving: Promise<void> = Promise.resolve();
  private failing = false;

  constructor(opts: {
    dir: string;
    logger: Logger;
    now?: () => number;
    maxKeys?: number;
    saveDelayMs?: number;
  }) {
    this.dir = opts.dir;
    this.logger = opts.logger;
    this.now = opts.now ?? Date.now;
    this.maxKeys = opts.maxKeys ?? 50_000;
    this.saveDelayMs = opts.saveDelayMs ?? 1_000;
    this.load();
    // Says at the start, not at the first thing kept, that DATA_DIR cannot be written.
    try {
      mkdirSync(this.dir, { recursive: true });
      accessSync(this.dir, constants.W_OK);
    } catch (err) {
      this.unwritable(err);
    }
  }

  get up(): boolean {
    return !this.failing;
  }

  /** How many values are kept now, expired ones not yet dropped included. */
  get size(): number {
    return this.values.size;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const e = this.values.get(key);
    if (!e) return undefined;
    if (e.expires <= this.now()) {
      this.values.delete(key);
      return undefined;
    }
    return JSON.parse(e.json) as T;
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    // Kept as JSON, as Redis keeps it: a caller that changes its object later changes nothing here.
    this.values.delete(key);
    this.values.set(key, { json: JSON.stringify(value), expires: this.now() + ttlMs });
    // Oldest first: the map is in the order values were last set.
    for (const k of this.values.keys()) {
      if (this.values.size <= this.maxKeys) break;
      this.values.delete(k);
    }
    this.scheduleSave();
  }

  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    if ((await this.get(key)) !== undefined) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  async hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<number> {
    return this.windows.hit(key, limit, windowMs, nowMs);
  }

  async append(list: string, item: unknown, max: number): Promise<void> {
    const path = this.listPath(list);
    try {
      mkdirSync(this.dir, { recursive: true });
      // Counted from disk once, then by each append, so an item costs one write.
      let size = this.listSizes.get(list) ?? countLines(path);
      if (size >= max) {
        renameSync(path, this.listPath(list, 1));
        size = 0;
      }
      appendFileSync(path, `${JSON.stringify(item)}\n`, { mode: 0o600 });
      this.listSizes.set(list, size + 1);
      this.writable();
    } catch (err) {
      this.listSizes.delete(list);
      this.unwritable(err);
      throw new StorageUnavailable(`cannot append to ${path}`, { cause: err });
    }
  }

  async items(list: string): Promise<unknown[]> {
    return [this.listPath(list, 1), this.listPath(list)].flatMap((path) => {
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch {
        return [];
      }
      return text.split("\n").flatMap((line) => {
        try {
          return line ? [JSON.parse(line) as unknown] : [];
        } catch {
          return [];
        }
      });
    });
  }

  async publish(channel: string, message: unknown): Promise<void> {
    const json = JSON.stringify(message);
    for (const handler of this.channels.get(channel) ?? [])
      queueMicrotask(() => handler(JSON.parse(json)));
  }

  subscribe(channel: string, onMessage: (message: unknown) => void): void {
    const handlers = this.channels.get(channel) ?? new Set();
    handlers.add(onMessage);
    this.channels.set(channel, handlers);
  }

  async close(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      await this.save();
    }
    await this.saving;
  }

  /** Writes the values now; resolves once written (or once writing failed, logged). */
  private save(): Promise<void> {
    this.saving = this.saving.then(() => this.writeState());
    return this.saving;
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, this.saveDelayMs);
    // A pending save never holds the process open; a graceful stop saves through close().
    this.saveTimer.unref();
  }

  private async writeState(): Promise<void> {
    const now = this.now();
    const values: Record<string, [string, number]> = {};
    for (const [key, e] of this.values) {
      if (e.expires > now) values[key] = [e.json, e.expires];
      else this.values.delete(key);
    }
    const path = join(this.dir, STATE_FILE);
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      await writeFile(tmp, JSON.stringify({ version: 1, values }), { mode: 0o600 });
      await renameAsync(tmp, path);
      this.writable();
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined);
      this.unwritable(err);
    }
  }

  private load(): void {
    const path = join(this.dir, STATE_FILE);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return; // None yet, or DATA_DIR unreadable: the first save will say so.
    }
    try {
      const state = stateSchema.parse(JSON.parse(text));
      const now = this.now();
      // Soonest to expire first: past maxKeys those are the first to go, as before the restart.
      const live = Object.entries(state.values)
        .filter(([, [, expires]]) => expires > now)
        .sort(([, a], [, b]) => a[1] - b[1]);
      for (const [key, [json, expires]] of live) this.values.set(key, { json, expires });
    } catch (err) {
      this.logger.warn({ err, file: path }, "state file unreadable; starting without it");
    }
  }

  private listPath(list: string, generation?: 1): string {
    return join(this.dir, generation ? `${list}.${generation}.jsonl` : `${list}.jsonl`);
  }

  private unwritable(err: unknown): void {
    if (!this.failing)
      this.logger.warn(
        { err, dir: this.dir },
        "cannot write to DATA_DIR; conversations and unanswered questions are kept in memory and retried",
      );
    this.failing = true;
  }

  private writable(): void {
    if (this.failing) this.logger.info({ dir: this.dir }, "DATA_DIR writable again");
    this.failing = false;
  }
}

function countLines(path: string): number {
  if (!existsSync(path)) return 0;
  const text = readFileSync(path, "utf8");
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
