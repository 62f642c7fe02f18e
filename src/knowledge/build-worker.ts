import { setPriority } from "node:os";
import type { MessagePort } from "node:worker_threads";
import { DataFileError } from "../files/data-file-error";
import { loadLexicon } from "../lexicon/load";
import type { DataPaths } from "../paths";
import { buildFacts } from "./build";
import { lexiconPrint } from "./lexicon-print";
import { type PackedTable, packTable, transferables } from "./packed-table";

/**
 * The worker thread's side of a build: the same lexicon and build as loadKnowledge, the
 * result packed into transferable arrays. Started by worker-build.ts; never imported by the
 * bot's main thread.
 */
export type BuildRequest = {
  paths: DataPaths;
  /** Where the reply goes. */
  port: MessagePort;
  /** Set to 1 and notified once the reply is posted, for a caller that waits synchronously. */
  signal?: Int32Array;
  /** Yield the processor to the thread that answers questions (a reload, not a start). */
  gentle?: boolean;
};

export type BuildFailure = {
  /** A data file's problem, to be raised again as the same DataFileError. */
  dataFile?: { file: string; field?: string; problem: string; line?: number };
  message: string;
};

export type BuildReply =
  | { ok: true; packed: PackedTable; lexiconPrint: string; seconds: number }
  | { ok: false; error: BuildFailure };

export function serve(request: BuildRequest): void {
  // On Linux the nice value is the calling thread's own: this lowers the build's priority and
  // not the main thread's, which keeps answering while a reload builds.
  if (request.gentle && process.platform === "linux") {
    try {
      setPriority(0, 19);
    } catch {
      // Not allowed here: the build runs at the usual priority.
    }
  }
  const reply = build(request.paths);
  request.port.postMessage(reply, reply.ok ? transferables(reply.packed) : []);
  // An open port would keep the worker, and the memory of its build, alive.
  request.port.close();
  if (request.signal) {
    Atomics.store(request.signal, 0, 1);
    Atomics.notify(request.signal, 0);
  }
}

function build(paths: DataPaths): BuildReply {
  const started = performance.now();
  try {
    const lexicon = loadLexicon(paths.intentsDir);
    const print = lexiconPrint(paths.intentsDir);
    const packed = packTable(buildFacts(paths.seedsDir, lexicon, paths.limits));
    return {
      ok: true,
      packed,
      lexiconPrint: print,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (e) {
    return { ok: false, error: failureOf(e) };
  }
}

export function failureOf(e: unknown): BuildFailure {
  if (e instanceof DataFileError)
    return {
      dataFile: { file: e.file, field: e.field, problem: e.problem, line: e.line },
      message: e.message,
    };
  return { message: e instanceof Error ? e.message : String(e) };
}
