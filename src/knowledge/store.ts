import { basename } from "node:path";
import { DataFileError } from "../files/data-file-error";
import type { DataPaths } from "../paths";
import type { Article } from "../seeds/article";
import { readArticleFile } from "../seeds/article-file";
import { describeDiff, diffing, type TableDiff } from "./diff";
import { indexing } from "./fact-table";
import {
  type Knowledge,
  loadKnowledge,
  loadLexiconOf,
  makeKnowledge,
  printOfLexicon,
} from "./knowledge";
import { type PackedTable, unpacking } from "./packed-table";
import { runAll, runInSteps, type Stepped } from "./steps";
import { buildInWorker, buildInWorkerSync, errorOf, workerScript } from "./worker-build";

/** An article's text, read from its file when asked for (duplicate checks); "" when it is gone. */
function bodyReader({ seedsDir, limits }: DataPaths): (a: Omit<Article, "body">) => string {
  return (a) => {
    try {
      return readArticleFile(seedsDir, basename(a.file), limits).body;
    } catch {
      return "";
    }
  };
}

export type ReloadResult =
  | { ok: true; at: Date; seconds: number; diff: TableDiff; summary: string }
  | { ok: false; at: Date; seconds: number; error: string };

/**
 * Holds the knowledge the bot answers from. A reload builds a whole new one aside and swaps
 * it in only when every file is valid, so a question sees the old table or the new one,
 * never a half-built one; reloads asked for at once run one after the other. A reload never
 * rejects: whatever goes wrong is its result, and the old table keeps answering.
 *
 * The build runs in a worker thread (worker-build.ts), which hands the table over as a few
 * transferred arrays; this thread unpacks and indexes it in slices of a couple of
 * milliseconds, answering questions in between, and swaps it in. Without the worker's module
 * (a bundle made without it) the build runs here, as it did before there was one.
 */
export class KnowledgeStore {
  private knowledge: Knowledge;
  private queue: Promise<unknown> = Promise.resolve();
  last?: ReloadResult;

  constructor(
    readonly paths: DataPaths,
    initial?: Knowledge,
  ) {
    this.knowledge = initial ?? this.firstLoad();
  }

  get current(): Knowledge {
    return this.knowledge;
  }

  reload(): Promise<ReloadResult> {
    const run = this.queue.then(() => this.reloadNow());
    this.queue = run;
    return run;
  }

  private firstLoad(): Knowledge {
    const script = workerScript();
    if (!script) return loadKnowledge(this.paths);
    const reply = buildInWorkerSync(script, this.paths);
    if (!reply.ok) throw errorOf(reply.error);
    const lexicon = loadLexiconOf(this.paths.intentsDir);
    return runAll(this.knowledgeOf(reply.packed, lexicon));
  }

  private async reloadNow(): Promise<ReloadResult> {
    const at = new Date();
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const next = await this.build();
      const diff = await runInSteps(diffing(this.knowledge.table, next.table));
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

  private async build(): Promise<Knowledge> {
    const script = workerScript();
    if (!script) return loadKnowledge(this.paths);
    const reply = await buildInWorker(script, this.paths);
    if (!reply.ok) throw errorOf(reply.error);
    // The same intents files as the table answering now: its lexicon, and what was made from it, stay.
    const current = this.knowledge.lexicon;
    const lexicon =
      printOfLexicon(current) === reply.lexiconPrint
        ? current
        : loadLexiconOf(this.paths.intentsDir);
    return runInSteps(this.knowledgeOf(reply.packed, lexicon));
  }

  private *knowledgeOf(packed: PackedTable, lexicon: Knowledge["lexicon"]): Stepped<Knowledge> {
    const { built, order } = yield* unpacking(packed, bodyReader(this.paths));
    const table = yield* indexing(built, order);
    return makeKnowledge(lexicon, table);
  }
}
