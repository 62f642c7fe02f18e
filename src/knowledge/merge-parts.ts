import { comparePeriods } from "../format/period";
import { listKey } from "./fact-keys";
import {
  ARTICLE_STRINGS,
  FACT_STRINGS,
  FIRST,
  type PackedPart,
  type PackedTable,
} from "./packed-table";

/**
 * The parts threads packed, made one table without unpacking them: their strings laid end to
 * end (a string two parts share, a region say, is there twice: a few hundred bytes), their
 * rows renumbered, and the orders each part sorted merged, not sorted again. Each part's facts
 * keep their order in the table, and so do their indices, so its sorted orders stay sorted.
 */
export function mergeParts(parts: readonly PackedPart[]): PackedTable {
  const [only] = parts;
  if (parts.length === 1 && only) {
    const { added: _, ...table } = only;
    return table;
  }
  const { text, ends, bases } = joinStrings(parts);
  const renumber = (p: number) => (n: number) => (n < FIRST ? n : n + (bases[p] as number));
  const places = placeFacts(parts);
  const table = copyFacts(parts, places, renumber);
  const articles = joinRows(
    parts.map((p) => p.articles),
    renumber,
  );
  const skipped = joinRows(
    parts.map((p) => p.skipped),
    renumber,
  );
  const merged = { ...table, text, ends, articles, skipped };
  return { ...merged, order: mergeOrders(parts, places, merged) };
}

/** Every part's strings in one buffer; `bases[p]` is what part p's string numbers move by. */
function joinStrings(parts: readonly PackedPart[]) {
  const count = parts.reduce((n, p) => n + p.ends.length - FIRST, 0);
  const text = new Uint8Array(parts.reduce((n, p) => n + p.text.length, 0));
  const ends = new Uint32Array(FIRST + count);
  const bases: number[] = [];
  let [strings, bytes] = [0, 0];
  for (const p of parts) {
    bases.push(strings);
    text.set(p.text, bytes);
    for (let i = FIRST; i < p.ends.length; i++) ends[i + strings] = (p.ends[i] as number) + bytes;
    strings += p.ends.length - FIRST;
    bytes += p.text.length;
  }
  return { text, ends, bases };
}

/**
 * Where each part's facts go in the table: each part's own facts, part after part, then the
 * facts corrections add, in the order of the corrections (as one build in one thread files them).
 */
function placeFacts(parts: readonly PackedPart[]): Uint32Array[] {
  const places = parts.map((p) => new Uint32Array(p.flags.length));
  const added: { at: number; part: number; fact: number }[] = [];
  let next = 0;
  parts.forEach((p, part) => {
    const own = p.flags.length - p.added.length;
    for (let i = 0; i < own; i++) (places[part] as Uint32Array)[i] = next++;
    p.added.forEach((at, i) => {
      added.push({ at, part, fact: own + i });
    });
  });
  added.sort((a, b) => a.at - b.at);
  for (const a of added) (places[a.part] as Uint32Array)[a.fact] = next++;
  return places;
}

type Renumber = (part: number) => (n: number) => number;

function copyFacts(
  parts: readonly PackedPart[],
  places: readonly Uint32Array[],
  renumber: Renumber,
): Pick<PackedTable, "facts" | "values" | "flags" | "clauses"> {
  const count = places.reduce((n, p) => n + p.length, 0);
  const width = FACT_STRINGS.length;
  const facts = new Uint32Array(count * width);
  const values = new Float64Array(count * 2);
  const flags = new Uint8Array(count);
  const clauses = new Uint32Array(count);
  parts.forEach((p, part) => {
    const number = renumber(part);
    const place = places[part] as Uint32Array;
    for (let i = 0; i < place.length; i++) {
      const to = place[i] as number;
      for (let j = 0; j < width; j++)
        facts[to * width + j] = number(p.facts[i * width + j] as number);
      values[to * 2] = p.values[i * 2] as number;
      values[to * 2 + 1] = p.values[i * 2 + 1] as number;
      flags[to] = p.flags[i] as number;
      clauses[to] = number(p.clauses[i] as number);
    }
  });
  return { facts, values, flags, clauses };
}

/** Rows of string numbers, part after part. */
function joinRows(rows: readonly Uint32Array[], renumber: Renumber): Uint32Array {
  const joined = new Uint32Array(rows.reduce((n, r) => n + r.length, 0));
  let at = 0;
  rows.forEach((r, part) => {
    const number = renumber(part);
    for (let i = 0; i < r.length; i++) joined[at++] = number(r[i] as number);
  });
  return joined;
}

/**
 * The table's orders from the parts' (tableOrder's, sorted by each thread), compared as
 * tableOrder compares: the same order a sort of the whole table gives.
 */
function mergeOrders(
  parts: readonly PackedPart[],
  places: readonly Uint32Array[],
  table: Omit<PackedTable, "order">,
): PackedTable["order"] {
  const string = stringReader(table);
  const field = (name: (typeof FACT_STRINGS)[number]) => {
    const j = FACT_STRINGS.indexOf(name);
    return Array.from({ length: table.flags.length }, (_, i) =>
      string(table.facts[i * FACT_STRINGS.length + j] as number),
    );
  };
  const [metric, measure, region] = [field("metric"), field("measure"), field("region")];
  const key = metric.map((m, i) => listKey(m ?? `~${measure[i]}`, region[i] as string));
  const [period, published] = [field("period"), field("published")];
  const byPeriod = (a: number, b: number) => {
    const [ka, kb] = [key[a] as string, key[b] as string];
    if (ka !== kb) return ka < kb ? -1 : 1;
    return (
      comparePeriods(period[a] as string, period[b] as string) ||
      (published[a] as string).localeCompare(published[b] as string) ||
      a - b
    );
  };
  const value = (i: number) => table.values[i * 2] as number;
  const newest = articleOrder(parts, table, string);
  const placed = (order: (p: PackedPart) => Uint32Array) =>
    parts.map((p, part) => order(p).map((i) => places[part]?.[i] as number));
  return {
    facts: mergeRuns(
      placed((p) => p.order.facts),
      byPeriod,
    ),
    byValue: mergeRuns(
      placed((p) => p.order.byValue),
      (a, b) => value(a) - value(b) || a - b,
    ),
    newest,
  };
}

/** The articles newest first, merged from each part's. */
function articleOrder(
  parts: readonly PackedPart[],
  table: Omit<PackedTable, "order">,
  string: (n: number) => string | null,
): Uint32Array {
  const width = ARTICLE_STRINGS.length;
  const j = ARTICLE_STRINGS.indexOf("published");
  const published = (i: number) => string(table.articles[i * width + j] as number) as string;
  let first = 0;
  const runs = parts.map((p) => {
    const offset = first;
    first += p.articles.length / width;
    return p.order.newest.map((i) => i + offset);
  });
  return mergeRuns(runs, (a, b) => published(b).localeCompare(published(a)) || a - b);
}

/** A string by its number, each read from the UTF-8 once; null for NULL (no metric). */
function stringReader(table: Pick<PackedTable, "text" | "ends">): (n: number) => string | null {
  const buffer = Buffer.from(table.text.buffer, table.text.byteOffset, table.text.byteLength);
  const read = new Map<number, string>();
  return (n) => {
    if (n < FIRST) return null;
    let s = read.get(n);
    if (s === undefined) {
      s = buffer.toString("utf8", table.ends[n - 1] ?? 0, table.ends[n]);
      read.set(n, s);
    }
    return s;
  };
}

/** Sorted runs merged into one sorted whole; `compare` never calls two items equal. */
function mergeRuns(runs: readonly Uint32Array[], compare: (a: number, b: number) => number) {
  const merged = new Uint32Array(runs.reduce((n, r) => n + r.length, 0));
  const heads = runs.map(() => 0);
  for (let out = 0; out < merged.length; out++) {
    let best = -1;
    runs.forEach((run, r) => {
      const h = heads[r] as number;
      if (h >= run.length) return;
      if (best < 0 || compare(run[h] as number, runs[best]?.[heads[best] as number] as number) < 0)
        best = r;
    });
    merged[out] = runs[best]?.[heads[best] as number] as number;
    heads[best] = (heads[best] as number) + 1;
  }
  return merged;
}
