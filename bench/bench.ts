import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import type { Update, UserFromGetMe } from "grammy/types";
import { answer } from "../src/answer/answer";
import { createBot } from "../src/bot/create-bot";
import { createServices } from "../src/bot/services";
import { readConfig, readDataSettings } from "../src/config";
import { loadKnowledge } from "../src/knowledge/knowledge";
import { KnowledgeStore } from "../src/knowledge/store";
import { createLogger } from "../src/logger";
import { dataPaths, projectRoot } from "../src/paths";
import { makeNormalizer, vocabularyOf } from "../src/understand/normalize";
import { makeRegionMatcher } from "../src/understand/region";
import { OFFICER, PRIVATE, startBot } from "../tests/bot/harness";
import questionSet from "../tests/fixtures/questions.json";
import { round, summarize, timeEach } from "./measure";
import { restartWithConversations, storageLatency } from "./storage-bench";
import { writeSyntheticCorpus } from "./synthetic";

const root = projectRoot();
const paths = dataPaths(readDataSettings({}));
const questions = (questionSet as { q: string }[]).map((x) => x.q);
const today = new Date("2026-11-22T09:00:00Z");
const results: Record<string, unknown> = {};
const rows: [string, string, string][] = [];
const row = (what: string, figure: string, target = "") => {
  rows.push([what, figure, target]);
  console.error(`  ${what}: ${figure}`);
};

// 1. The answering core, one core, over the test questions.
const seeds = loadKnowledge(paths);
timeEach(questions, 3, (q) => answer(seeds, q, { today }));
const answerMs = timeEach(questions, 20, (q) => answer(seeds, q, { today }));
const core = summarize(answerMs);
const perSecond = answerMs.length / (answerMs.reduce((a, b) => a + b, 0) / 1000);
results.answer = { ...core, perSecond: round(perSecond, 0) };
row("answer() p50 / p99", `${round(core.p50)} / ${round(core.p99)} ms`, "p99 < 1 ms");
row("answer() throughput", `${Math.round(perSecond).toLocaleString("en")} answers/s`);

// 2. The whole grammY pipeline in process: handleUpdate with the API answered in process.
{
  const config = readConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), "bench-")),
    RATE_LIMIT_PER_MINUTE: "100000000",
  });
  const services = createServices({
    store: new KnowledgeStore(paths, seeds),
    config,
    logger: createLogger("silent"),
  });
  const botInfo = {
    id: 1,
    is_bot: true,
    first_name: "Bench",
    username: "bench_bot",
  } as UserFromGetMe;
  const bot = createBot("1:bench", services, { botInfo });
  bot.api.config.use(
    async () =>
      ({ ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: "private" } } }) as never,
  );
  const update = (i: number): Update => ({
    update_id: i,
    message: {
      message_id: i,
      date: 0,
      chat: { id: 100 + (i % 50), type: "private", first_name: "U" },
      from: { id: 100 + (i % 50), is_bot: false, first_name: "U" },
      text: questions[i % questions.length] as string,
    },
  });
  for (let i = 0; i < 500; i++) await bot.handleUpdate(update(i));
  const n = 20_000;
  const ms: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await bot.handleUpdate(update(i));
    ms.push(performance.now() - t);
  }
  const perSec = n / ((performance.now() - started) / 1000);
  const s = summarize(ms);
  results.pipeline = { updatesPerSecond: round(perSec, 0), p50: s.p50, p99: s.p99 };
  row(
    "grammY pipeline in process",
    `${Math.round(perSec).toLocaleString("en")} updates/s, p99 ${round(s.p99)} ms`,
    "≥ 5,000 updates/s",
  );
}

// 3. End to end over loopback HTTP through the fake Bot API server.
{
  const r = await startBot({ env: { RATE_LIMIT_PER_MINUTE: "100000" } });
  const ms: number[] = [];
  for (let i = 0; i < 300; i++) {
    const since = r.fake.calls.length;
    const t = performance.now();
    r.fake.sendText({
      chat: PRIVATE,
      from: OFFICER,
      text: questions[i % questions.length] as string,
    });
    await r.fake.waitForCall(
      "sendMessage",
      (c) => Number(c.params.chat_id) === PRIVATE.id,
      5000,
      since,
    );
    ms.push(performance.now() - t);
  }
  await r.stop();
  const s = summarize(ms);
  results.endToEnd = { median: s.p50, p99: s.p99, n: s.n };
  row(
    "end to end via fake Bot API (loopback)",
    `median ${round(s.p50, 2)} ms, p99 ${round(s.p99, 2)} ms`,
  );
}

// 4. Building the fact table and reloading it, at growing sizes.
{
  const sizes: Record<string, unknown> = {};
  const measureBuild = async (label: string, seedsDir: string) => {
    const p = { ...paths, seedsDir };
    const t = performance.now();
    const k = loadKnowledge(p);
    const seconds = (performance.now() - t) / 1000;
    const store = new KnowledgeStore(p, k);
    const reloadStarted = performance.now();
    await store.reload();
    const reloadSeconds = (performance.now() - reloadStarted) / 1000;
    const sample = questions.slice(0, 100);
    timeEach(sample, 2, (q) => answer(k, q, { today }));
    const a = summarize(timeEach(sample, 10, (q) => answer(k, q, { today })));
    const factsPerSecond = k.table.facts.length / seconds;
    sizes[label] = {
      articles: k.table.articles.length,
      facts: k.table.facts.length,
      buildSeconds: round(seconds),
      reloadSeconds: round(reloadSeconds),
      factsPerSecond: round(factsPerSecond, 0),
      answerP99: a.p99,
    };
    row(
      `build ${label} (${k.table.articles.length} articles, ${k.table.facts.length} facts)`,
      `${round(seconds, 2)} s build, ${round(reloadSeconds, 2)} s reload, ${Math.round(factsPerSecond).toLocaleString("en")} facts/s, answer p99 ${round(a.p99)} ms`,
      label === "10,000" ? "< 5 s; answer p99 < 2 ms" : "",
    );
  };
  await measureBuild("seeds", paths.seedsDir);
  for (const count of [1_000, 10_000]) {
    const dir = mkdtempSync(join(tmpdir(), `bench-corpus-${count}-`));
    writeSyntheticCorpus(paths.seedsDir, dir, count, seeds.lexicon);
    await measureBuild(count.toLocaleString("en"), dir);
  }
  results.build = sizes;
  results.benchPeakRssMb = round(process.resourceUsage().maxRSS / 1024, 0);
}

// 5. The region index with every kabupaten and kota.
{
  const vocabulary = vocabularyOf(seeds.lexicon);
  const normalize = makeNormalizer(seeds.lexicon, vocabulary);
  const match = makeRegionMatcher(seeds.lexicon, vocabulary);
  const places = seeds.lexicon.cities.map((c) => c.aliases.at(-1) as string);
  const inputs = places
    .flatMap((p) => [`umkm ${p} berapa`, `jumlah umkm di ${p.slice(0, -1)}x thn 2023`])
    .map(normalize);
  timeEach(inputs, 1, (w) =>
    match(
      w,
      w.map(() => false),
    ),
  );
  const s = summarize(
    timeEach(inputs, 5, (w) =>
      match(
        w,
        w.map(() => false),
      ),
    ),
  );
  results.regionMatch = { cities: seeds.lexicon.cities.length, p50: s.p50, p99: s.p99 };
  row(
    `region matching, ${seeds.lexicon.cities.length} kabupaten/kota indexed`,
    `p50 ${round(s.p50)} ms, p99 ${round(s.p99)} ms`,
  );
}

// 6. Cold start of a one-question ask, and its peak memory.
{
  const reportRss =
    "data:text/javascript,process.on('exit',()=>process.stderr.write('RSS_KB '+process.resourceUsage().maxRSS+'\\n'))";
  const runs = Array.from({ length: 5 }, () => {
    const t = performance.now();
    const out = spawnSync(
      process.execPath,
      ["--import", reportRss, join(root, "dist/src/cli/ask.js"), "berapa UMKM go digital 2023?"],
      { encoding: "utf8" },
    );
    return { ms: performance.now() - t, rssKb: Number(out.stderr.match(/RSS_KB (\d+)/)?.[1]) };
  });
  const npmStarted = performance.now();
  spawnSync("npm", ["run", "--silent", "ask", "--", "berapa UMKM go digital 2023?"], {
    cwd: root,
    encoding: "utf8",
  });
  const npmMs = performance.now() - npmStarted;
  const cold = summarize(runs.map((r) => r.ms));
  const rss = Math.max(...runs.map((r) => r.rssKb)) / 1024;
  results.coldStart = {
    nodeMedianMs: cold.p50,
    npmRunAskMs: round(npmMs, 0),
    peakRssMb: round(rss, 1),
  };
  row("cold start, node dist/src/cli/ask.js", `median ${Math.round(cold.p50)} ms`, "< 1 s");
  row("cold start, npm run ask (build included)", `${Math.round(npmMs)} ms`);
  row("peak RSS of a one-question ask", `${round(rss, 1)} MB`, "< 150 MB");
  row("peak RSS of this bench (10,000 articles loaded)", `${results.benchPeakRssMb} MB`);
}

// 7. State: what Redis adds to each update, and a restart with 1,000 conversations open.
{
  const stateRows = [
    ...(await storageLatency(seeds, questions)),
    ...(await restartWithConversations()),
  ];
  for (const [what, figure, target] of stateRows) row(what, figure, target);
  results.storage = stateRows.map(([what, figure]) => ({ what, figure }));
}

const machine = {
  cpu: cpus()[0]?.model ?? "?",
  cores: cpus().length,
  memoryGb: round(totalmem() / 2 ** 30, 0),
  node: process.version,
  date: new Date().toISOString(),
};
results.machine = machine;
writeFileSync(join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
const width = (i: number) => Math.max(...rows.map((r) => r[i]?.length ?? 0), 6);
console.log(
  `\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GiB, Node ${machine.node}, ${machine.date.slice(0, 10)}\n`,
);
console.log(
  `| ${"what".padEnd(width(0))} | ${"measured".padEnd(width(1))} | ${"target".padEnd(width(2))} |`,
);
console.log(`| ${"-".repeat(width(0))} | ${"-".repeat(width(1))} | ${"-".repeat(width(2))} |`);
for (const r of rows)
  console.log(`| ${r[0].padEnd(width(0))} | ${r[1].padEnd(width(1))} | ${r[2].padEnd(width(2))} |`);
console.log("\nWritten: bench/results.json");
process.exit(0);
