import { DataFileError } from "../files/data-file-error";
import type { DataPaths } from "../paths";
import { describeDiff, diffTables, type TableDiff } from "./diff";
import { type Knowledge, loadKnowledge } from "./knowledge";

export type ReloadResult =
  | { ok: true; at: Date; seconds: number; diff: TableDiff; summary: string }
  | { ok: false; at: Date; seconds: number; error: string };

/**
 * Holds the knowledge the bot answers from. A reload builds a whole new one aside and swaps
 * it in only when every file is valid, so a question sees the old table or the new one,
 * never a half-built one; reloads asked for at once run one after the other. A reload never
 * rejects: whatever goes wrong is its result, and the old table keeps answering.
 */
export class KnowledgeStore {
  private knowledge: Knowledge;
  private queue: Promise<unknown> = Promise.resolve();
  last?: ReloadResult;

  constructor(
    readonly paths: DataPaths,
    initial?: Knowledge,
  ) {
    this.knowledge = initial ?? loadKnowledge(paths);
  }

  get current(): Knowledge {
    return this.knowledge;
  }

  reload(): Promise<ReloadResult> {
    const run = this.queue.then(() => this.reloadNow());
    this.queue = run;
    return run;
  }

  private async reloadNow(): Promise<ReloadResult> {
    const at = new Date();
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const next = loadKnowledge(this.paths);
      const diff = diffTables(this.knowledge.table, next.table);
      this.knowledge = next;
      this.last = { ok: true, at, seconds: seconds(), diff, summary: describeDiff(diff) };
    } catch (e) {
      // File problems are SeedErrors naming the file; anything else is a bug, still no crash.
      const error =
        e instanceof DataFileError
          ? e.message
          : `unexpected error: ${e instanceof Error ? e.message : String(e)}`;
      this.last = { ok: false, at, seconds: seconds(), error };
    }
    return this.last;
  }
}
