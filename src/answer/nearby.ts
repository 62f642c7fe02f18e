import { formatPeriod, type Period } from "../format/period";
import type { FigureGroup } from "../knowledge/fact-table";
import type { Knowledge } from "../knowledge/knowledge";
import type { Place } from "../lexicon/places";
import type { Ask } from "./ask";
import { compute } from "./compute";
import { inPeriod } from "./period-search";
import { capped, factValue, periodText, sourceNames, sourcesText, valueText } from "./wording";

const MAX_PLACES = 4;

/**
 * What there is nearest to a figure the articles do not give, each line saying what it is:
 * other periods of the same measure here; for a city, its province's figure; for a province,
 * its cities' figures; else the places that have the measure, or the measures this place has.
 */
export function noDataLines(
  knowledge: Knowledge,
  ask: Ask,
  realised: readonly FigureGroup[],
  targets: readonly FigureGroup[],
): string[] {
  const lines: string[] = [];
  if (realised.length || targets.length) {
    const have = realised.length ? realised : targets;
    const periods = [...new Set(have.map((group) => group[0].period))].reverse().map(formatPeriod);
    lines.push(`Yang ada${realised.length ? "" : " hanya target"}: ${capped(periods)}.`);
  }
  if (!realised.length && !targets.length) {
    const sibling = siblingLine(knowledge, ask);
    if (sibling) lines.push(sibling);
  }
  const place = knowledge.lexicon.places.get(ask.region);
  if (place && (place.level === "kabupaten" || place.level === "kota") && place.province) {
    const line = provinceLine(knowledge, ask, place, place.province);
    if (line) lines.push(line);
  }
  if (place?.level === "provinsi") {
    const cities = knowledge.table
      .regionsWith(ask.metric)
      .filter(
        (region) =>
          knowledge.lexicon.places.get(region)?.province === place.id && region !== place.id,
      );
    const within = latestPoints(knowledge, ask, cities);
    if (within.length)
      lines.push(
        `Yang ada untuk kabupaten/kota di ${place.name} (bukan angka provinsi): ${within.slice(0, MAX_PLACES).join(" · ")}${within.length > MAX_PLACES ? ` dan ${within.length - MAX_PLACES} lainnya` : ""}`,
      );
  }
  if (place?.members?.length) {
    const members = latestPoints(knowledge, ask, place.members);
    if (members.length)
      lines.push(
        `Angka provinsinya (bukan angka ${place.name}): ${members.slice(0, 6).join(" · ")}`,
      );
  }
  // "kalo kota bengkulu?" after "yg mikro?": what this place does have, by name.
  const here = realised.length || targets.length ? undefined : measuresHereLine(knowledge, ask);
  if (lines.length) return here ? [...lines, here] : lines;
  return elsewhereLines(knowledge, ask, here);
}

/**
 * "tenaga kerja umkm nasional" when only the share is stated (97 persen), or the share when
 * only the count is: the same measure written the other way, here, said to be that.
 */
function siblingLine(knowledge: Knowledge, ask: Ask): string | undefined {
  const { shareMetric } = knowledge.metric(ask.metric);
  for (const other of [shareMetric, knowledge.countOf(ask.metric)]) {
    const latest = other && latestSure(knowledge, other, ask.region, ask.period);
    if (latest)
      return `Yang ada: ${knowledge.metric(other).label}, ${factValue(latest[0])}, ${periodText(latest[0].period)} ${sourcesText(latest)}`;
  }
  return undefined;
}

/** A city's province's figure, stated or worked out, said to be the province's. */
function provinceLine(
  knowledge: Knowledge,
  ask: Ask,
  place: Place,
  province: string,
): string | undefined {
  const whose = `Angka Provinsi ${knowledge.regionName(province)} (bukan angka ${place.name})`;
  const latest = latestSure(knowledge, ask.metric, province, ask.period);
  if (latest)
    return `${whose}: ${factValue(latest[0])}, ${periodText(latest[0].period)} ${sourcesText(latest)}`;
  const computed = compute(knowledge, ask.metric, province, ask.period).at(-1);
  if (computed)
    return `${whose}: ${valueText(computed.value, computed.unit, computed.approx)}, ${periodText(computed.period)} (dihitung: ${computed.how}; ${sourceNames(computed.from)})`;
  return undefined;
}

/** "Kota Bandung 1,2 juta (2023; ...)": each region's latest sure figure, where it has one. */
function latestPoints(knowledge: Knowledge, ask: Ask, regions: readonly string[]): string[] {
  return regions.flatMap((region) => {
    const group = latestSure(knowledge, ask.metric, region, ask.period);
    return group
      ? [
          `${knowledge.regionName(region)} ${factValue(group[0])} (${formatPeriod(group[0].period)}; ${sourceNames(group)})`,
        ]
      : [];
  });
}

/** Nothing near: the places that have the measure, or else the measures this place has. */
function elsewhereLines(knowledge: Knowledge, ask: Ask, here: string | undefined): string[] {
  const regions = knowledge.table
    .regionsWith(ask.metric)
    .map((region) => knowledge.regionName(region));
  const there = regions.length
    ? `Data ${knowledge.metric(ask.metric).label} ada untuk: ${capped(regions)}.`
    : undefined;
  return [there, here].filter((line) => line !== undefined);
}

function measuresHereLine(knowledge: Knowledge, ask: Ask): string | undefined {
  const metrics = knowledge.table
    .metricsIn(ask.region)
    .map((metric) => knowledge.metric(metric).label);
  return metrics.length
    ? `Untuk ${knowledge.regionName(ask.region)} ada: ${capped(metrics)}.`
    : undefined;
}

function latestSure(
  knowledge: Knowledge,
  metric: string,
  region: string,
  period?: Period,
): FigureGroup | undefined {
  const { realised } = knowledge.table.figures(metric, region);
  return (period ? inPeriod(realised, period) : realised)
    .filter((group) => group.some((fact) => fact.sure))
    .at(-1);
}
