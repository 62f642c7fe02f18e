import { readdirSync, statSync } from "node:fs";
import { availableParallelism, setPriority } from "node:os";
import { basename, join } from "node:path";
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from "node:worker_threads";
import { DataFileError } from "../files/data-file-error";
import { loadLexicon } from "../lexicon/load";
import type { DataPaths } from "../paths";
import type { Article } from "../seeds/article";
import { readArticleFile } from "../seeds/article-file";
import { articleNames, buildFactsWith, type Extracted, extractEach } from "./build";
import { lexiconPrint } from "./lexicon-print";
import { type PackedTable, packTable, transferables } from "./packed-table";
import { BOOT } from "./worker-boot";

/**
 * The worker thread's side of a build: the same lexicon and build as loadKnowledge, the
 * result packed into transferable arrays. Started by worker-build.ts; never imported by the
 * bot's main thread. A build of many articles shares the extraction with helper threads.
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

export async function serve(request: BuildRequest): Promise<void> {
  if (request.gentle) yieldToAnswers();
  const reply = await build(request.paths, request.gentle ?? false);
  request.port.postMessage(reply, reply.ok ? transferables(reply.packed) : []);
  // An open port would keep the worker, and the memory of its build, alive.
  request.port.close();
  if (request.signal) {
    Atomics.store(request.signal, 0, 1);
    Atomics.notify(request.signal, 0);
  }
}

/**
 * On Linux the nice value is the calling thread's own: this lowers the build's priority and
 * not the main thread's, which keeps answering while a reload builds.
 */
function yieldToAnswers(): void {
  if (process.platform !== "linux") return;
  try {
    setPriority(0, 10);
  } catch {
    // Not allowed here: the build runs at the usual priority.
  }
}

async function build(paths: DataPaths, gentle: boolean): Promise<BuildReply> {
  const started = performance.now();
  let helpers: Helper[] = [];
  try {
    const lexicon = loadLexicon(paths.intentsDir);
    const print = lexiconPrint(paths.intentsDir);
    // Helpers start at once on the later articles: they read and extract their part while
    // this thread reads every article (as a build must, in order, for its errors).
    const plan = parallelPlan(paths.seedsDir, gentle);
    helpers = plan.others.map((files) => startHelper(files, paths, gentle));
    const extractAll = async (articles: Article[]): Promise<Extracted[]> => {
      const read = articles.map((a) => basename(a.file));
      // Files that came or went since the plan: this thread extracts them all.
      if (!helpers.length || read.join("\n") !== [...plan.own, ...plan.others.flat()].join("\n"))
        return extractEach(articles, lexicon);
      const mine = extractEach(articles.slice(0, plan.own.length), lexicon);
      const theirs = await Promise.all(helpers.map((h) => h.result));
      return [...mine, ...theirs.flat()];
    };
    const built = await buildFactsWith(paths.seedsDir, lexicon, paths.limits, extractAll);
    const packed = packTable(built);
    return {
      ok: true,
      packed,
      lexiconPrint: print,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (e) {
    return { ok: false, error: failureOf(e) };
  } finally {
    for (const h of helpers) void h.worker.terminate();
  }
}

/** Fewer articles than this are extracted here alone: starting a helper would cost more. */
const PARALLEL_FROM = 200;
const MOST_HELPERS = 3;

/**
 * The article files split into contiguous parts of about equal size, one per thread; this
 * thread takes the first. One part for few articles or a single processor. A reload (gentle)
 * leaves one processor free for the thread that answers: with every processor building, each
 * question would wait for a build thread's turn to end, niced or not.
 */
function parallelPlan(seedsDir: string, gentle: boolean): { own: string[]; others: string[][] } {
  const threads = Math.min(MOST_HELPERS + 1, availableParallelism() - (gentle ? 1 : 0));
  const dir = join(seedsDir, "articles");
  let names: string[];
  try {
    names = articleNames(readdirSync(dir));
  } catch {
    return { own: [], others: [] };
  }
  if (names.length < PARALLEL_FROM || threads < 2) return { own: names, others: [] };
  const sizes = names.map((f) => {
    try {
      return statSync(join(dir, f)).size;
    } catch {
      return 0;
    }
  });
  const total = sizes.reduce((a, b) => a + b, 0);
  const parts: string[][] = [[]];
  let size = 0;
  names.forEach((f, i) => {
    if (size >= (total / threads) * parts.length && parts.length < threads) parts.push([]);
    (parts.at(-1) as string[]).push(f);
    size += sizes[i] as number;
  });
  const [own, ...others] = parts as [string[], ...string[][]];
  return { own, others };
}

type Helper = { worker: Worker; result: Promise<Extracted[]> };

/**
 * A helper thread for some of the articles. It reads the files itself: sending their text
 * would copy all of it, and the copy would stay in this process's memory after the build.
 */
function startHelper(files: string[], paths: DataPaths, gentle: boolean): Helper {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: {
      script: import.meta.url,
      entry: "extractPart",
      port: port2,
      files,
      paths,
      gentle,
    },
    transferList: [port2],
  });
  const result = new Promise<Extracted[]>((resolve) => {
    const failed = (message: string) => resolve(files.map(() => ({ error: message })));
    const received = (reply: { ok: true; extracted: Extracted[] } | BuildReply) => {
      port1.close();
      if ("extracted" in reply) resolve(reply.extracted);
      else failed(reply.ok ? "a helper sent no extraction" : reply.error.message);
    };
    port1.once("message", received);
    worker.once("error", (e) => failed(e.message));
    // A helper that exits has posted its reply already, though its exit may be heard first.
    worker.once("exit", (code) => {
      const pending = receiveMessageOnPort(port1);
      if (pending) received(pending.message);
      else failed(`an extraction helper stopped (exit code ${code})`);
    });
  });
  return { worker, result };
}

/** A helper thread's work: its articles read and extracted, in order. */
export function extractPart(request: {
  files: string[];
  paths: DataPaths;
  port: MessagePort;
  gentle: boolean;
}): void {
  if (request.gentle) yieldToAnswers();
  const { seedsDir, intentsDir, limits } = request.paths;
  const articles = request.files.map((f) => readArticleFile(seedsDir, f, limits));
  const extracted = extractEach(articles, loadLexicon(intentsDir));
  request.port.postMessage({ ok: true, extracted });
  request.port.close();
}

export function failureOf(e: unknown): BuildFailure {
  if (e instanceof DataFileError)
    return {
      dataFile: { file: e.file, field: e.field, problem: e.problem, line: e.line },
      message: e.message,
    };
  return { message: e instanceof Error ? e.message : String(e) };
}
