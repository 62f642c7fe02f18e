import { readdirSync, statSync } from "node:fs";
import { availableParallelism, setPriority } from "node:os";
import { join } from "node:path";
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from "node:worker_threads";
import type { Correction } from "../facts/corrections";
import { DataFileError } from "../files/data-file-error";
import { type Lexicon, loadLexicon } from "../lexicon/load";
import type { DataPaths } from "../paths";
import { articleId, readArticleFile } from "../seeds/article-file";
import { articleNames, buildFacts, partFacts, readCorrections } from "./build";
import { lexiconPrint } from "./lexicon-print";
import { mergeParts } from "./merge-parts";
import {
  type PackedPart,
  type PackedTable,
  packPart,
  packTable,
  partTransferables,
  transferables,
} from "./packed-table";
import { BOOT } from "./worker-boot";

/**
 * The worker thread's side of a build: the same lexicon and build as loadKnowledge, the
 * result packed into transferable arrays. Started by worker-build.ts; never imported by the
 * bot's main thread. A build of many articles is shared with helper threads: each builds and
 * packs its part of the table (partOf), and this thread joins the parts (mergeParts).
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
    const plan = parallelPlan(paths.seedsDir, gentle);
    const corrections = plan && correctionsOf(paths.seedsDir, plan);
    // Helpers start at once on the later articles, this thread on the first.
    if (plan && corrections)
      helpers = plan.others.map((files) => startHelper(files, paths, corrections, gentle));
    const lexicon = loadLexicon(paths.intentsDir);
    const print = lexiconPrint(paths.intentsDir);
    let packed: PackedTable | undefined;
    if (plan && corrections) {
      const own = partOf(plan.own, paths, corrections, lexicon);
      const parts = [own, ...(await Promise.all(helpers.map((h) => h.result)))];
      if (parts.every((p) => p !== undefined) && !changedSince(paths.seedsDir, plan))
        packed = mergeParts(parts);
    }
    // A bad file anywhere, or files that came or went: the whole build again, here, which
    // reads the files in order and so raises the error a build in one thread raises.
    packed ??= packTable(buildFacts(paths.seedsDir, lexicon, paths.limits));
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

type Plan = { own: string[]; others: string[][] };

/**
 * Some of the articles read, extracted, corrected and checked (partFacts), and packed, by the
 * thread that calls it; undefined on any problem, which the whole build then names.
 */
function partOf(
  files: readonly string[],
  { seedsDir, limits }: DataPaths,
  corrections: Correction[],
  lexicon: Lexicon,
): PackedPart | undefined {
  try {
    const articles = files.map((f) => readArticleFile(seedsDir, f, limits));
    return packPart(partFacts(articles, corrections, lexicon, limits, true));
  } catch {
    return undefined;
  }
}

/**
 * The corrections, when each names an article of the plan (a part corrects its own
 * articles); undefined when one does not or the file is bad: the whole build names that.
 */
function correctionsOf(seedsDir: string, plan: Plan): Correction[] | undefined {
  try {
    const corrections = readCorrections(seedsDir);
    const ids = new Set([...plan.own, ...plan.others.flat()].map(articleId));
    const named = (c: Correction) => (c.action === "add" ? c.fact.article : c.match.article);
    return corrections.every((c) => ids.has(named(c))) ? corrections : undefined;
  } catch {
    return undefined;
  }
}

function changedSince(seedsDir: string, plan: Plan): boolean {
  try {
    const now = articleNames(readdirSync(join(seedsDir, "articles")));
    return now.join("\n") !== [...plan.own, ...plan.others.flat()].join("\n");
  } catch {
    return true;
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
function parallelPlan(seedsDir: string, gentle: boolean): Plan | undefined {
  const threads = Math.min(MOST_HELPERS + 1, availableParallelism() - (gentle ? 1 : 0));
  const dir = join(seedsDir, "articles");
  let names: string[];
  try {
    names = articleNames(readdirSync(dir));
  } catch {
    return undefined;
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

type Helper = { worker: Worker; result: Promise<PackedPart | undefined> };

/**
 * A helper thread for some of the articles. It reads the files itself: sending their text
 * would copy all of it, and the copy would stay in this process's memory after the build.
 */
function startHelper(
  files: string[],
  paths: DataPaths,
  corrections: Correction[],
  gentle: boolean,
): Helper {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: {
      script: import.meta.url,
      entry: "buildPart",
      port: port2,
      files,
      paths,
      corrections,
      gentle,
    },
    transferList: [port2],
  });
  const result = new Promise<PackedPart | undefined>((resolve) => {
    const received = (reply: { part?: PackedPart }) => {
      port1.close();
      resolve(reply.part);
    };
    port1.once("message", received);
    worker.once("error", () => resolve(undefined));
    // A helper that exits has posted its reply already, though its exit may be heard first.
    worker.once("exit", () => {
      const pending = receiveMessageOnPort(port1);
      if (pending) received(pending.message);
      else resolve(undefined);
    });
  });
  return { worker, result };
}

/** A helper thread's work: its part of the table (partOf), or none when it met a problem. */
export function buildPart(request: {
  files: string[];
  paths: DataPaths;
  corrections: Correction[];
  port: MessagePort;
  gentle: boolean;
}): void {
  if (request.gentle) yieldToAnswers();
  const { files, paths, corrections, port } = request;
  const part = partOf(files, paths, corrections, loadLexicon(paths.intentsDir));
  port.postMessage({ part }, part ? partTransferables(part) : []);
  port.close();
}

export function failureOf(e: unknown): BuildFailure {
  if (e instanceof DataFileError)
    return {
      dataFile: { file: e.file, field: e.field, problem: e.problem, line: e.line },
      message: e.message,
    };
  return { message: e instanceof Error ? e.message : String(e) };
}
