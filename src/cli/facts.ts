import { writeFileSync } from "node:fs";
import { factValue } from "../answer/wording";
import { formatPeriod } from "../format/period";
import { loadKnowledge } from "../knowledge/knowledge";
import { dataPaths } from "../paths";
import { factsCsv } from "../table-export/csv";
import { filterFacts, readFilter } from "../table-export/fact-filter";
import { failOnSeedError, readCommandLine } from "./fail";
import { formatTable } from "./table";

const USAGE = `Pakai: npm run facts -- [--json | --csv [--out berkas.csv] [kata penyaring]]
Tanpa pilihan: tabel fakta, lalu angka yang tidak dikenali sebagai statistik.`;

const { values, positionals } = readCommandLine(
  {
    options: {
      json: { type: "boolean" },
      csv: { type: "boolean" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  },
  USAGE,
);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const k = failOnSeedError(() => loadKnowledge(dataPaths()));
if (values.csv) {
  // The same file /unduh sends, with the same filter words: "npm run facts -- --csv jatim".
  const read = readFilter(k, positionals.join(" "), new Date());
  if ("error" in read) {
    console.error(read.error);
    process.exit(1);
  }
  const csv = factsCsv(filterFacts(k.table.facts, read.filter), k.table);
  if (values.out) writeFileSync(values.out, csv);
  else process.stdout.write(csv);
} else if (values.json) {
  console.log(JSON.stringify(k.table.facts, null, 2));
} else {
  const rows = k.table.facts.map((f) => [
    f.article,
    f.outlet,
    formatPeriod(f.published),
    f.regionName,
    f.metric ?? f.measure,
    f.kind,
    formatPeriod(f.period),
    `${factValue(f)}${f.sure ? "" : " (belum pasti)"}`,
  ]);
  console.log(
    formatTable(
      ["artikel", "media", "tanggal", "wilayah", "metrik", "jenis", "periode", "nilai"],
      rows,
    ),
  );
  console.log(`\n${k.table.facts.length} fakta dari ${k.table.articles.length} artikel.`);
  if (k.table.skipped.length) {
    console.log(`${k.table.skipped.length} angka tidak dikenali sebagai statistik:`);
    for (const s of k.table.skipped)
      console.log(
        `  ${s.article}: "${s.written}" dalam "${s.quote.replace(/\s+/g, " ").slice(0, 100)}"`,
      );
  }
}
