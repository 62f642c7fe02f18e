import { createInterface } from "node:readline";
import { answer } from "../answer/answer";
import type { Answer } from "../answer/answer-type";
import { loadKnowledge } from "../knowledge/knowledge";
import { dataPaths } from "../paths";
import type { Query } from "../understand/query";
import { failOnSeedError, readCommandLine } from "./fail";

const USAGE = `Pakai: npm run ask -- [--json] [--chart out.png] "pertanyaan"
Tanpa pertanyaan: membaca satu pertanyaan per baris dari standard input.`;

/** The answer as the --json line: what was asked, understood, assumed and used. */
function answerJson(a: Answer) {
  return {
    question: a.question,
    answer: a.text,
    intent: a.intent,
    outcome: a.outcome,
    region: a.query.regions,
    metric: a.query.metrics,
    period: a.query.periods,
    facts: a.facts,
    computed: a.computed,
    assumed: a.assumed,
  };
}

async function main() {
  const { values, positionals } = readCommandLine(
    {
      options: {
        json: { type: "boolean" },
        chart: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
    },
    USAGE,
  );
  if (values.help) return console.log(USAGE);
  const k = failOnSeedError(() => loadKnowledge(dataPaths()));
  // Lines read from standard input are one conversation, as in the chat: "kalau lampung?" follows on.
  let previous: Query | undefined;
  const print = async (question: string) => {
    const a = answer(k, question, { previous });
    previous = a.query;
    console.log(values.json ? JSON.stringify(answerJson(a)) : a.text);
    if (values.chart) {
      if (!a.series)
        return console.error("Tidak ada deret waktu untuk digambar dari pertanyaan ini.");
      // Loaded only when asked for: the renderer's native module would slow every cold start.
      const { writeChart } = await import("../chart/write-chart");
      console.error(`Grafik disimpan: ${writeChart(a.series, values.chart)}`);
    }
  };
  if (positionals.length) return print(positionals.join(" "));
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) if (line.trim()) await print(line);
}

await main();
