import type { ReloadResult } from "../reload/store";
import type { Services } from "./services";

/** "Data dimuat ulang: +1 artikel (…), +2 fakta, -0, ~0 (0,04 detik). Sekarang …", or why not. */
export function reloadedText(s: Services, result: ReloadResult): string {
  const took = `${result.seconds.toFixed(2).replace(".", ",")} detik`;
  const table = s.store.current.table;
  return result.ok
    ? `Data dimuat ulang: ${result.summary} (${took}). Sekarang ${table.facts.length} fakta dari ${table.articles.length} artikel.`
    : `Gagal memuat ulang, data lama tetap dipakai.\n${result.error}`;
}
