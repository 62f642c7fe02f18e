import type { Fact } from "../facts/fact-schema";
import type { FactTable } from "../knowledge/fact-table";

const COLUMNS: [string, (f: Fact, t: FactTable) => string | number | undefined][] = [
  ["id", (f) => f.id],
  ["artikel", (f) => f.article],
  ["media", (f) => f.outlet],
  ["tanggal_terbit", (f) => f.published],
  ["url", (f, t) => t.article(f.article)?.url],
  ["judul", (f, t) => t.article(f.article)?.title],
  ["wilayah", (f) => f.regionName],
  ["kode_wilayah", (f) => f.region],
  ["tingkat_wilayah", (f) => f.regionLevel],
  ["ukuran", (f) => f.measure],
  ["metrik", (f) => f.metric ?? ""],
  ["periode", (f) => f.period],
  ["periode_dari_tanggal_artikel", (f) => (f.periodAssumed ? "ya" : "tidak")],
  ["jenis", (f) => f.kind],
  ["nilai", (f) => f.value],
  ["nilai_maks", (f) => f.valueMax],
  ["kualifikasi", (f) => f.approx],
  ["satuan", (f) => f.unit],
  ["tertulis", (f) => f.written],
  ["yakin", (f) => (f.sure ? "ya" : "tidak")],
  ["kutipan", (f) => f.quote.replace(/\s+/g, " ").trim()],
];

/**
 * The facts as CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel reads
 * "Rp" and accented names as another encoding), CRLF lines, one row per fact. Numbers are
 * plain ("27000000"); the number as the article wrote it is its own column.
 */
export function factsCsv(facts: readonly Fact[], table: FactTable): string {
  const rows = [
    COLUMNS.map(([name]) => name),
    ...facts.map((f) => COLUMNS.map(([, cell]) => cell(f, table))),
  ];
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "number") return String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet; a quote mark
  // before it keeps it text (OWASP's advice for CSV exports).
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
