import { z } from "zod";
import { answer } from "../answer/answer";
import type { Answer } from "../answer/answer-type";
import { loadCorpusKnowledge } from "../eval/corpus-knowledge";
import {
  type Conversation,
  type CorpusQuestion,
  checkGoldArticles,
  readCorpus,
} from "../eval/corpus-schema";
import {
  brokenThresholds,
  type EvalFigures,
  figureLines,
  THRESHOLDS,
  type ThresholdFlag,
} from "../eval/figures";
import { withLexiconRegionNames } from "../eval/gold-regions";
import { EVAL_TODAY, type Grade, gradeAnswer } from "../eval/grade-answer";
import { type FactMatching, matchFacts } from "../eval/match-facts";
import type { Fact } from "../facts/fact-schema";
import type { Knowledge } from "../knowledge/knowledge";
import { dataPaths } from "../paths";
import { failOnSeedError, readCommandLine } from "./fail";

const USAGE = `Usage: npm run eval -- <corpus folder> [--verbose] [--min-found N] [--min-right N]
       [--max-extra N] [--min-questions N] [--min-turns N] [--max-wrong-lead N]
The folder holds articles/*.txt, gold.json, questions.json and, optionally, conversations.json;
the project's seeds are added.`;

const count = z.coerce.number().int().nonnegative();
const snippet = (s: string, n = 90) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
};

type Graded = { question: CorpusQuestion; reply: Answer; grade: Grade };

/** The corpus folder and the thresholds from the command line; exits on a wrong one. */
function readArgs(): {
  folder: string;
  verbose: boolean;
  limits: Partial<Record<ThresholdFlag, number>>;
} {
  const { values, positionals } = readCommandLine(
    {
      options: {
        verbose: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        // One string option per threshold flag: what fromEntries builds, in a type it cannot say.
        ...(Object.fromEntries(THRESHOLDS.map((t) => [t.flag, { type: "string" }])) as Record<
          ThresholdFlag,
          { type: "string" }
        >),
      },
      allowPositionals: true,
    },
    USAGE,
  );
  const [folder] = positionals;
  if (values.help || !folder || positionals.length > 1) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 1);
  }
  const limits: Partial<Record<ThresholdFlag, number>> = {};
  for (const { flag } of THRESHOLDS) {
    const raw = values[flag];
    if (typeof raw !== "string") continue;
    const n = count.safeParse(raw);
    if (!n.success) {
      console.error(`--${flag}: expected a whole number, got "${raw}"`);
      process.exit(1);
    }
    limits[flag] = n.data;
  }
  return { folder, verbose: values.verbose === true, limits };
}

/** --verbose: each gold statistic missed or misread, each extra fact, each wrong answer. */
function printDetails(facts: FactMatching<Fact>, graded: readonly Graded[]): void {
  for (const g of facts.missing)
    console.log(`not found: ${g.article} "${g.as_written}" in "${snippet(g.quote)}"`);
  for (const { gold: g, misread } of facts.found.filter((m) => m.misread.length)) {
    const diffs = misread.map((d) => `${d.field} expected ${d.expected}, got ${d.got}`);
    console.log(`read wrong: ${g.article} "${g.as_written}": ${diffs.join("; ")}`);
  }
  for (const f of facts.extra)
    console.log(
      `extra (${f.sure ? "sure" : "unsure"}): ${f.article} "${f.written}" ${f.metric ?? `"${f.measure}"`}, ${f.regionName}, ${f.period}, ${f.kind} in "${snippet(f.quote)}"`,
    );
  for (const { question, reply } of graded.filter((x) => !x.grade.right)) {
    const expected =
      question.expect === null
        ? "no data"
        : `${question.expect} (${question.outlet ?? "any outlet"})`;
    console.log(
      `wrong answer: "${question.q}" expected ${expected}, got "${reply.text.split("\n")[0]}"`,
    );
  }
  console.log("");
}

/** Each turn asked after the ones before it, as in a chat. */
function gradeTalk(k: Knowledge, talk: Conversation): Graded[] {
  let previous: Answer | undefined;
  return talk.turns.flatMap((turn, i) => {
    const reply = answer(k, turn.q, { today: EVAL_TODAY, previous: previous?.query });
    previous = reply;
    if (turn.expect === null && !turn.nodata) return [];
    // Shown with what led to it: "umkm ntt brp → yg mikro?".
    const q = talk.turns
      .slice(0, i + 1)
      .map((t) => t.q)
      .join(" → ");
    return [{ question: { ...turn, q }, reply, grade: gradeAnswer(turn, reply) }];
  });
}

function main() {
  const { folder, verbose, limits } = readArgs();
  const { gold, questions, conversations } = failOnSeedError(() => readCorpus(folder));
  const { knowledge: k, corpusArticles } = failOnSeedError(() => {
    const loaded = loadCorpusKnowledge(dataPaths(), folder);
    checkGoldArticles(gold, loaded.corpusArticles);
    return loaded;
  });
  const metricWords = (id: string) => [k.metric(id).label, ...k.metric(id).synonyms];
  const facts = matchFacts(
    withLexiconRegionNames(gold, k.lexicon.places),
    k.table.facts,
    corpusArticles,
    metricWords,
  );
  const graded: Graded[] = questions.map((question) => {
    const reply = answer(k, question.q, { today: EVAL_TODAY });
    return { question, reply, grade: gradeAnswer(question, reply) };
  });
  const turns = conversations.flatMap((talk) => gradeTalk(k, talk));
  if (verbose) printDetails(facts, [...graded, ...turns]);

  const figures: EvalFigures = {
    statistics: gold.length,
    found: facts.found.length,
    readRight: facts.found.filter((m) => m.misread.length === 0).length,
    extraSure: facts.extra.filter((f) => f.sure).length,
    extraUnsure: facts.extra.filter((f) => !f.sure).length,
    questions: questions.length,
    questionsRight: graded.filter((x) => x.grade.right).length,
    wrongLeads: [...graded, ...turns].filter((x) => x.grade.wrongLead).length,
    turns: turns.length,
    turnsRight: turns.filter((x) => x.grade.right).length,
  };
  for (const line of figureLines(figures)) console.log(line);
  const broken = brokenThresholds(figures, limits);
  if (broken.length) {
    for (const b of broken) console.error(`threshold broken: ${b}`);
    process.exit(1);
  }
}

main();
