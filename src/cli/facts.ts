import { parseArgs } from "node:util";
import { loadKnowledge } from "../answer/knowledge";
import { factValue } from "../answer/wording";
import { formatPeriod } from "../format/period";
import { dataPaths } from "../paths";
import { failOnSeedError } from "./fail";
import { formatTable } from "./table";

const { values } = parseArgs({ options: { json: { type: "boolean" } } });
const k = failOnSeedError(() => loadKnowledge(dataPaths()));
if (values.json) {
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
