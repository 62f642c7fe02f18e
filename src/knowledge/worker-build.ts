import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { DataFileError } from "../files/data-file-error";
import { type DataPaths, projectRoot } from "../paths";
import type { BuildFailure, BuildReply } from "./build-worker";
import { BOOT } from "./worker-boot";

let script: string | undefined | null = null;

/**
 * The worker's module: dist/src/knowledge/build-worker.js in the bundle (npm run build makes
 * it beside main.js); when the TypeScript itself runs (the tests), bundled here once with
 * esbuild, a dev dependency that only that case needs. Undefined when there is none: the
 * build then runs in the calling thread.
 */
export function workerScript(): string | undefined {
  if (script !== null) return script;
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) {
    const esbuild = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
    const dir = mkdtempSync(join(tmpdir(), "umkm-worker-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    const outfile = join(dir, "build-worker.mjs");
    esbuild.buildSync({
      entryPoints: [join(dirname(here), "build-worker.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile,
      logLevel: "silent",
    });
    script = outfile;
  } else {
    const built = join(projectRoot(), "dist", "src", "knowledge", "build-worker.js");
    script = existsSync(built) ? built : undefined;
  }
  return script;
}

function start(file: string, paths: DataPaths, signal?: Int32Array, gentle = false) {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { script: pathToFileURL(file).href, paths, port: port2, signal, gentle },
    transferList: [port2],
  });
  return { worker, port: port1 };
}

/**
 * Builds in a worker thread at a lower priority, so the thread that answers questions never
 * waits for it; resolves with its reply, never rejects.
 */
export function buildInWorker(file: string, paths: DataPaths): Promise<BuildReply> {
  return new Promise((resolve) => {
    const { worker, port } = start(file, paths, undefined, true);
    const done = (reply: BuildReply) => {
      port.close();
      resolve(reply);
    };
    port.once("message", done);
    worker.once("error", (e) => done({ ok: false, error: { message: e.message } }));
    // A worker that exits has posted its reply already, though its exit may be heard first.
    worker.once("exit", (code) =>
      done(
        (receiveMessageOnPort(port)?.message as BuildReply | undefined) ?? {
          ok: false,
          error: { message: `the build worker stopped (exit code ${code})` },
        },
      ),
    );
  });
}

/**
 * The same, waited for: the bot's first build, before it answers anything. The build's memory
 * is the worker's and goes with it, so the bot keeps only the table it answers from.
 */
export function buildInWorkerSync(file: string, paths: DataPaths): BuildReply {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { worker, port } = start(file, paths, signal);
  Atomics.wait(signal, 0, 0);
  const reply = receiveMessageOnPort(port)?.message as BuildReply | undefined;
  port.close();
  worker.unref();
  return reply ?? { ok: false, error: { message: "the build worker sent no reply" } };
}

/** A failed build's error, raised again as what it was: a DataFileError, with its message. */
export function errorOf(failure: BuildFailure): Error {
  const d = failure.dataFile;
  return d ? new DataFileError(d.file, d.field, d.problem, d.line) : new Error(failure.message);
}
