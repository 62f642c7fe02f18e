import type { Fact } from "../facts/fact-schema";
import type { IntentId } from "../lexicon/language-schema";
import type { Query } from "../understand/query";
import type { Computed } from "./compute";

export type Outcome = "answered" | "no_data" | "ambiguous" | "out_of_scope" | "help";

/** What the answering core returns: plain text for people, and the parts for adapters. */
export type Answer = {
  question: string;
  /** Plain text, short enough for a phone; the first line is the headline. */
  text: string;
  intent: IntentId;
  outcome: Outcome;
  /** The query as answered, after defaults and follow-up context: what a follow-up builds on. */
  query: Query;
  facts: Fact[];
  computed: Computed[];
  /** What the question left out and the bot filled in: "nasional", "data terbaru". */
  assumed: string[];
  /** Provinces to pick from when the question named several at once ("jawa"). */
  choices: { label: string; region: string }[];
  /** A metric's realisations and targets over time in one region, when the answer has such a series. */
  series?: { metric: string; region: string; title: string; unit: string; facts: Fact[] };
};

/** One block of an answer, about one metric in one region. */
export type Block = {
  lines: string[];
  facts: Fact[];
  computed: Computed[];
  found: boolean;
  /** The figure the block leads with, when it leads with a stated realisation. */
  headline?: Fact;
};
