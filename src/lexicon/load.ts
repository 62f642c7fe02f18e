import { join } from "node:path";
import type { z } from "zod";
import { DataFileError } from "../files/data-file-error";
import { readJsonFile } from "../files/json-file";
import {
  type IntentsFile,
  intentsFileSchema,
  type OutletsFile,
  outletsFileSchema,
  type SlangFile,
  slangFileSchema,
} from "./language-schema";
import {
  type ExtractionFile,
  extractionFileSchema,
  type Metric,
  metricsFileSchema,
} from "./metric-schema";
import { type Place, placesOf } from "./places";
import {
  type CityFile,
  cityFileSchema,
  type RegionsFile,
  regionsFileSchema,
} from "./region-schema";
import { type TimeFile, timeFileSchema } from "./time-schema";

/** Everything the bot knows about words, read from intents/: data, not code. */
export type Lexicon = {
  regions: RegionsFile;
  cities: CityFile;
  metrics: Metric[];
  extraction: ExtractionFile;
  slang: SlangFile;
  intents: IntentsFile;
  time: TimeFile;
  outlets: OutletsFile;
  /** Every region by id, at its real level (derived from regions and cities). */
  places: Map<string, Place>;
};

export function loadLexicon(intentsDir: string): Lexicon {
  const read = <S extends z.ZodType>(name: string, schema: S) =>
    readJsonFile(join(intentsDir, name), `intents/${name}`, schema);
  const regions = read("regions.json", regionsFileSchema);
  const cities = read("kabupaten-kota.json", cityFileSchema);
  const lexicon: Lexicon = {
    regions,
    cities,
    metrics: read("metrics.json", metricsFileSchema).metrics,
    extraction: read("extraction.json", extractionFileSchema),
    slang: read("slang.json", slangFileSchema),
    intents: read("intents.json", intentsFileSchema),
    time: read("time.json", timeFileSchema),
    outlets: read("outlets.json", outletsFileSchema),
    places: placesOf(regions, cities),
  };
  checkReferences(lexicon);
  return lexicon;
}

/** Ids that one file uses and another defines: a typo here would silently match nothing. */
function checkReferences(lex: Lexicon): void {
  const regionIds = new Set(lex.regions.provinces.map((p) => p.id));
  const metricIds = new Set(lex.metrics.map((m) => m.id));
  const need = (ok: boolean, file: string, field: string, problem: string) => {
    if (!ok) throw new DataFileError(file, field, problem);
  };
  lex.cities.forEach((c, i) => {
    need(
      regionIds.has(c.province),
      "intents/kabupaten-kota.json",
      `[${i}].province`,
      `unknown province "${c.province}"`,
    );
  });
  for (const [word, ids] of Object.entries(lex.regions.groups)) {
    for (const id of ids)
      need(regionIds.has(id), "intents/regions.json", `groups.${word}`, `unknown province "${id}"`);
  }
  const aliasOwner = new Map<string, string>();
  for (const p of [lex.regions.nasional, ...lex.regions.provinces, ...lex.regions.kelompok]) {
    for (const a of p.aliases) {
      const owner = aliasOwner.get(a);
      need(
        !owner || owner === p.id,
        "intents/regions.json",
        `${p.id}.aliases`,
        `"${a}" also names ${owner}`,
      );
      aliasOwner.set(a, p.id);
    }
  }
  lex.extraction.rules.forEach((r, i) => {
    need(
      !("metric" in r) || metricIds.has(r.metric),
      "intents/extraction.json",
      `rules[${i}].metric`,
      `unknown metric "${"metric" in r ? r.metric : ""}"`,
    );
  });
  need(
    metricIds.has(lex.extraction.denominatorMetric),
    "intents/extraction.json",
    "denominatorMetric",
    `unknown metric "${lex.extraction.denominatorMetric}"`,
  );
  for (const [field, id] of Object.entries(lex.intents.defaults)) {
    need(metricIds.has(id), "intents/intents.json", `defaults.${field}`, `unknown metric "${id}"`);
  }
  lex.metrics.forEach((m, i) => {
    for (const ref of [
      m.shareMetric,
      m.increaseMetric,
      m.complement,
      m.partOf?.count,
      m.partOf?.total,
      m.remainderOf?.total,
      m.remainderOf?.part,
    ]) {
      if (ref)
        need(
          metricIds.has(ref),
          "intents/metrics.json",
          `metrics[${i}]`,
          `"${m.id}" refers to unknown metric "${ref}"`,
        );
    }
  });
}
