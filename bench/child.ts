import { spawnSync } from "node:child_process";
import { setImmediate as nextTurn } from "node:timers/promises";
import { answer } from "../src/answer/answer";
import { readDataSettings } from "../src/config";
import { KnowledgeStore } from "../src/knowledge/store";
import { dataPaths } from "../src/paths";
import { round, summarize, timeEach } from "./measure";
import { writeSyntheticCorpus } from "./synthetic";

/**
 * Measurements that need a process of their own, as the bot runs: the table built by the
 * store (in its worker threads), and nothing else of the bench in memory. The bench starts
 * `node --expose-gc dist/bench/bench.js --child <mode> <seedsDir>` and reads one JSON line.
 */
export type SizeFigures = {
  articles: number;
  facts: number;
  /** The store's first build: worker threads, the table handed over and indexed. */
  buildSeconds: number;
  reloadSeconds: number;
  /** After the build, collected: what the bot holds with this table. */
  rssMb: number;
  heapMb: number;
  peakRssMb: number;
  /** Answers to the first 100 test questions (as earlier runs measured), and to all of them. */
  answerP99: number;
  answerP99All: number;
  answerMaxAll: number;
};

export type ReloadFigures = {
  facts: number;
  reloadSeconds: number;
  questions: number;
  during: { p50: number; p99: number; max: number };
  without: { p50: number; p99: number; max: number };
};

const today = new Date("2026-11-22T09:00:00Z");

/** Runs a child mode when the arguments ask for one; false when they do not. */
export async function runChild(argv: readonly string[], questions: string[]): Promise<boolean> {
  const at = argv.indexOf("--child");
  if (at < 0) return false;
  const [mode, seedsDir] = [argv[at + 1], argv[at + 2] as string];
  const result =
    mode === "size"
      ? await sizeFigures(seedsDir, questions)
      : mode === "reload"
        ? await reloadFigures(seedsDir, questions)
        : await reloadFigures(seedsDir, questions, Number(argv[at + 3]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return true;
}

/** Spawns a child mode and returns what it printed. */
export function inChild<T>(script: string, mode: string, seedsDir: string, ...more: string[]): T {
  const out = spawnSync(
    process.execPath,
    ["--expose-gc", script, "--child", mode, seedsDir, ...more],
    {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  const line = out.stdout.trim().split("\n").at(-1) ?? "";
  if (out.status !== 0 || !line.startsWith("{"))
    throw new Error(`bench child ${mode} ${seedsDir} failed: ${out.stderr.slice(-2000)}`);
  return JSON.parse(line) as T;
}

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

/** Collects garbage until memory settles: what stays is what the table holds. */
async function settle(): Promise<NodeJS.MemoryUsage> {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Transferred buffers are freed a little after the collection that finds them unused.
  for (let i = 0; i < 5; i++) {
    gc?.();
    await new Promise((done) => setTimeout(done, 200));
  }
  return process.memoryUsage();
}

async function sizeFigures(seedsDir: string, questions: string[]): Promise<SizeFigures> {
  const started = performance.now();
  const store = new KnowledgeStore({ ...dataPaths(readDataSettings({})), seedsDir });
  const buildSeconds = (performance.now() - started) / 1000;
  const memory = await settle();
  const k = store.current;
  const sample = questions.slice(0, 100);
  timeEach(questions, 2, (q) => answer(k, q, { today }));
  const first = summarize(timeEach(sample, 10, (q) => answer(k, q, { today })));
  const allMs = timeEach(questions, 5, (q) => answer(k, q, { today }));
  const all = summarize(allMs);
  const reloadStarted = performance.now();
  const reload = await store.reload();
  if (!reload.ok) throw new Error(reload.error);
  return {
    articles: k.table.articles.length,
    facts: k.table.facts.length,
    buildSeconds: round(buildSeconds),
    reloadSeconds: round((performance.now() - reloadStarted) / 1000),
    rssMb: mb(memory.rss),
    heapMb: mb(memory.heapUsed),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
    answerP99: first.p99,
    answerP99All: all.p99,
    answerMaxAll: Math.max(...allMs),
  };
}

/**
 * Questions asked one after another, each due a millisecond after the last was answered,
 * while the store reloads; then as many again with no reload, for comparison. A question's
 * time runs from when it was due until its answer is made, so any wait for the thread is in it.
 */
async function reloadFigures(
  seedsDir: string,
  questions: string[],
  adding?: number,
): Promise<ReloadFigures> {
  const store = new KnowledgeStore({ ...dataPaths(readDataSettings({})), seedsDir });
  timeEach(questions, 3, (q) => answer(store.current, q, { today }));
  // "--child adding <dir> <n>": the articles are added to the folder now, as an admin would,
  // and the reload reads them in while the table of before keeps answering.
  if (adding)
    writeSyntheticCorpus(
      dataPaths(readDataSettings({})).seedsDir,
      seedsDir,
      adding,
      store.current.lexicon,
    );
  const ask = async (until: () => boolean, count = Number.POSITIVE_INFINITY) => {
    const ms: number[] = [];
    for (let i = 0; !until() && i < count; i++) {
      const due = performance.now() + 1;
      await new Promise((done) => setTimeout(done, 1));
      answer(store.current, questions[i % questions.length] as string, { today });
      ms.push(performance.now() - due);
      await nextTurn();
    }
    return ms;
  };
  let done = false;
  const started = performance.now();
  const reloading = store.reload().then((r) => {
    done = true;
    return r;
  });
  const during = await ask(() => done);
  const reload = await reloading;
  if (!reload.ok) throw new Error(reload.error);
  const reloadSeconds = (performance.now() - started) / 1000;
  const without = await ask(() => false, during.length);
  const figures = (ms: number[]) => {
    const s = summarize(ms);
    return { p50: s.p50, p99: s.p99, max: Math.max(...ms) };
  };
  return {
    facts: store.current.table.facts.length,
    reloadSeconds: round(reloadSeconds),
    questions: during.length,
    during: figures(during),
    without: figures(without),
  };
}
