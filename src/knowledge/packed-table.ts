import type { Fact, FactKind, RegionLevel } from "../facts/fact-schema";
import type { Article } from "../seeds/article";
import type { BuiltFacts, PartFacts, Skipped } from "./build";
import { clauseWords, knowClauseWords } from "./clause-words";
import { type TableOrder, tableOrder } from "./fact-table";

/**
 * A built table as a few typed arrays, which a worker hands over by transfer instead of a
 * copy of every object: each distinct string once (UTF-8), and per fact its strings' numbers,
 * its values and its flags. A quote is one string for all the facts of its sentence, and a
 * region, outlet, measure or period one string for every fact that names it.
 */
export type PackedTable = {
  /** Every distinct string, UTF-8, one after another; `ends[i]` is where string i ends. */
  text: Uint8Array;
  ends: Uint32Array;
  /** FACT_STRINGS.length string numbers per fact (NULL: null, ABSENT: no such field). */
  facts: Uint32Array;
  /** Per fact: its value and, for a range, its upper bound. */
  values: Float64Array;
  flags: Uint8Array;
  /** ARTICLE_STRINGS.length string numbers per article; SKIPPED_STRINGS per skipped number. */
  articles: Uint32Array;
  skipped: Uint32Array;
  /** Per fact, the string number of its clause's words (clauseWords): folded once, here. */
  clauses: Uint32Array;
  /**
   * The orders the index files things in (tableOrder), sorted by the worker: the receiving
   * side files them without sorting.
   */
  order: { facts: Uint32Array; byValue: Uint32Array; newest: Uint32Array };
};

const NULL = 0;
const ABSENT = 1;
export const FIRST = 2;

const PERIOD_ASSUMED = 1;
const SURE = 2;
const RANGE = 4;

export const FACT_STRINGS = [
  "id",
  "article",
  "metric",
  "measure",
  "region",
  "regionName",
  "regionLevel",
  "province",
  "period",
  "kind",
  "approx",
  "unit",
  "written",
  "quote",
  "said",
  "outlet",
  "published",
] as const;
export const ARTICLE_STRINGS = ["outlet", "published", "title", "url", "id", "file"] as const;
const SKIPPED_STRINGS = ["written", "quote", "article"] as const;

/** The buffers to transfer with a packed table. */
export function transferables(p: PackedTable): ArrayBuffer[] {
  const { facts, byValue, newest } = p.order;
  return [
    p.text,
    p.ends,
    p.facts,
    p.values,
    p.flags,
    p.articles,
    p.skipped,
    p.clauses,
    facts,
    byValue,
    newest,
  ].map((a) => a.buffer as ArrayBuffer);
}

/**
 * A thread's part of a table (partFacts), packed by the thread: the last `added.length`
 * facts are those corrections add, `added` their places in corrections.json.
 */
export type PackedPart = PackedTable & { added: Uint32Array };

export function packPart(part: PartFacts): PackedPart {
  return { ...packTable(part), added: Uint32Array.from(part.added) };
}

/** The buffers to transfer with a packed part. */
export function partTransferables(p: PackedPart): ArrayBuffer[] {
  return [...transferables(p), p.added.buffer as ArrayBuffer];
}

export function packTable(built: BuiltFacts): PackedTable {
  const numbering = new StringNumbering();
  const order = tableOrder(built);
  const { facts, values, flags, clauses } = packFacts(built.facts, numbering);
  const articles = packRows(built.articles, ARTICLE_STRINGS, numbering);
  const skipped = packRows(built.skipped, SKIPPED_STRINGS, numbering);
  const { text, ends } = numbering.encode();
  return {
    text,
    ends,
    facts,
    values,
    flags,
    articles,
    skipped,
    clauses,
    order: {
      facts: Uint32Array.from(order.facts),
      byValue: Uint32Array.from(order.byValue),
      newest: Uint32Array.from(order.newest),
    },
  };
}

/** Gives each distinct string a number as it is met, and writes them all out at the end. */
class StringNumbering {
  private readonly numbers = new Map<string, number>();
  private readonly strings: string[] = [];

  number(s: string | null | undefined): number {
    if (s === null) return NULL;
    if (s === undefined) return ABSENT;
    let n = this.numbers.get(s);
    if (n === undefined) {
      n = FIRST + this.strings.length;
      this.numbers.set(s, n);
      this.strings.push(s);
    }
    return n;
  }

  encode(): Pick<PackedTable, "text" | "ends"> {
    let bytes = 0;
    const ends = new Uint32Array(FIRST + this.strings.length);
    this.strings.forEach((s, i) => {
      bytes += Buffer.byteLength(s, "utf8");
      ends[FIRST + i] = bytes;
    });
    const text = new Uint8Array(bytes);
    const view = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
    this.strings.forEach((s, i) => {
      view.write(s, ends[FIRST + i - 1] ?? 0, "utf8");
    });
    return { text, ends };
  }
}

function packFacts(
  facts: readonly Fact[],
  numbering: StringNumbering,
): Pick<PackedTable, "facts" | "values" | "flags" | "clauses"> {
  const strings = new Uint32Array(facts.length * FACT_STRINGS.length);
  const values = new Float64Array(facts.length * 2);
  const flags = new Uint8Array(facts.length);
  const clauses = new Uint32Array(facts.length);
  facts.forEach((f, i) => {
    clauses[i] = numbering.number(clauseWords(f));
    // The fields named one by one, in FACT_STRINGS order: a keyed read per field is slow.
    const fields = [
      f.id,
      f.article,
      f.metric,
      f.measure,
      f.region,
      f.regionName,
      f.regionLevel,
      f.province,
      f.period,
      f.kind,
      f.approx,
      f.unit,
      f.written,
      f.quote,
      f.said,
      f.outlet,
      f.published,
    ];
    for (let j = 0; j < fields.length; j++)
      strings[i * FACT_STRINGS.length + j] = numbering.number(fields[j]);
    values[i * 2] = f.value;
    values[i * 2 + 1] = f.valueMax ?? 0;
    flags[i] =
      (f.periodAssumed ? PERIOD_ASSUMED : 0) |
      (f.sure ? SURE : 0) |
      (f.valueMax === undefined ? 0 : RANGE);
  });
  return { facts: strings, values, flags, clauses };
}

type Row<Field extends string> = Partial<Record<Field, string>>;

/** The string numbers of each row's fields, `fields.length` per row. */
function packRows<Field extends string>(
  rows: readonly Row<Field>[],
  fields: readonly Field[],
  numbering: StringNumbering,
): Uint32Array {
  const packed = new Uint32Array(rows.length * fields.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row<Field>;
    for (let j = 0; j < fields.length; j++)
      packed[i * fields.length + j] = numbering.number(row[fields[j] as Field]);
  }
  return packed;
}

/**
 * The text stays on disk: read when asked for (duplicate checks), never held by the table.
 * Made out here, so the getter holds the article and the reader, not the packed table.
 */
function withBodyOnDisk(
  info: Omit<Article, "body">,
  bodyOf: (article: Omit<Article, "body">) => string,
): Article {
  return Object.defineProperty(info, "body", {
    enumerable: true,
    get: () => bodyOf(info),
  }) as Article;
}

/** What unpacking gives: the built facts, and the order the index files them in. */
export type Unpacked = { built: BuiltFacts; order: TableOrder };

/** How many items unpacking handles between the pauses of a stepwise run. */
const STEP = 512;

/**
 * Turns a packed table back into facts, articles and skipped numbers, each distinct string
 * made once and shared. A generator, so a caller can spread the work out (runInSteps) and
 * answer questions between the steps; `bodyOf` gives an article's text when asked for it,
 * which the table itself does not keep.
 */
export function* unpacking(
  p: PackedTable,
  bodyOf: (article: Omit<Article, "body">) => string,
): Generator<void, Unpacked> {
  const buffer = Buffer.from(p.text.buffer, p.text.byteOffset, p.text.byteLength);
  const strings: Strings = [null, undefined];
  for (let i = FIRST; i < p.ends.length; i++) {
    strings.push(buffer.toString("utf8", p.ends[i - 1] ?? 0, p.ends[i]));
    if (i % (STEP * 4) === 0) yield;
  }
  const facts: Fact[] = [];
  for (let i = 0; i < p.flags.length; i++) {
    const fact = unpackFact(p, strings, i);
    facts.push(fact);
    knowClauseWords(fact, strings[p.clauses[i] as number] as string);
    if (i % STEP === STEP - 1) yield;
  }
  const articles: Article[] = [];
  for (let i = 0; i < p.articles.length / ARTICLE_STRINGS.length; i++) {
    articles.push(withBodyOnDisk(unpackArticle(p.articles, strings, i), bodyOf));
    if (i % STEP === STEP - 1) yield;
  }
  const skipped: Skipped[] = [];
  for (let i = 0; i < p.skipped.length / SKIPPED_STRINGS.length; i++) {
    skipped.push(unpackSkipped(p.skipped, strings, i));
    if (i % STEP === STEP - 1) yield;
  }
  return { built: { facts, articles, skipped }, order: p.order };
}

/**
 * The strings by number: NULL and ABSENT first, then each distinct string. The casts below
 * are true because packTable wrote each field's number from a field of that type.
 */
type Strings = (string | null | undefined)[];

function unpackFact(p: PackedTable, strings: Strings, i: number): Fact {
  const f = p.facts;
  const at = i * FACT_STRINGS.length;
  const flags = p.flags[i] as number;
  const approx = strings[f[at + 10] as number] as string | undefined;
  // The fields in the order the build writes them, so a fact reads the same either way;
  // the two a fact may lack are added in their place, and the rest after them (a Fact once
  // the last is set).
  const fact = {
    id: strings[f[at] as number] as string,
    article: strings[f[at + 1] as number] as string,
    metric: strings[f[at + 2] as number] as string | null,
    measure: strings[f[at + 3] as number] as string,
    region: strings[f[at + 4] as number] as string,
    regionName: strings[f[at + 5] as number] as string,
    regionLevel: strings[f[at + 6] as number] as RegionLevel,
    province: strings[f[at + 7] as number] as string | null,
    period: strings[f[at + 8] as number] as string,
    periodAssumed: (flags & PERIOD_ASSUMED) !== 0,
    kind: strings[f[at + 9] as number] as FactKind,
    value: p.values[i * 2] as number,
  } as Fact;
  if (flags & RANGE) fact.valueMax = p.values[i * 2 + 1] as number;
  if (approx !== undefined) fact.approx = approx;
  fact.unit = strings[f[at + 11] as number] as string;
  fact.written = strings[f[at + 12] as number] as string;
  fact.quote = strings[f[at + 13] as number] as string;
  fact.said = strings[f[at + 14] as number] as string;
  fact.outlet = strings[f[at + 15] as number] as string;
  fact.published = strings[f[at + 16] as number] as string;
  fact.sure = (flags & SURE) !== 0;
  return fact;
}

function unpackArticle(packed: Uint32Array, strings: Strings, i: number): Omit<Article, "body"> {
  const at = i * ARTICLE_STRINGS.length;
  const url = strings[packed[at + 3] as number] as string | undefined;
  return {
    outlet: strings[packed[at] as number] as string,
    published: strings[packed[at + 1] as number] as string,
    title: strings[packed[at + 2] as number] as string,
    ...(url === undefined ? {} : { url }),
    id: strings[packed[at + 4] as number] as string,
    file: strings[packed[at + 5] as number] as string,
  };
}

function unpackSkipped(packed: Uint32Array, strings: Strings, i: number): Skipped {
  const at = i * SKIPPED_STRINGS.length;
  return {
    written: strings[packed[at] as number] as string,
    quote: strings[packed[at + 1] as number] as string,
    article: strings[packed[at + 2] as number] as string,
  };
}
