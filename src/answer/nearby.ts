import { formatPeriod, type Period } from "../format/period";
import type { FigureGroup } from "../knowledge/fact-table";
import type { Knowledge } from "../knowledge/knowledge";
import { compute } from "./compute";
import type { Ask } from "./figures";
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
  const label = knowledge.metric(ask.metric).label;
  const lines: string[] = [];
  if (realised.length || targets.length) {
    const have = realised.length ? realised : targets;
    const periods = [...new Set(have.map((group) => group[0].period))].reverse().map(formatPeriod);
    lines.push(`Yang ada${realised.length ? "" : " hanya target"}: ${capped(periods)}.`);
  }
  const place = knowledge.lexicon.places.get(ask.region);
  if (place && (place.level === "kabupaten" || place.level === "kota") && place.province) {
    const province = `Angka Provinsi ${knowledge.regionName(place.province)} (bukan angka ${place.name})`;
    const latest = latestSure(knowledge, ask.metric, place.province, ask.period);
    const computed = latest
      ? undefined
      : compute(knowledge, ask.metric, place.province, ask.period).at(-1);
    if (latest)
      lines.push(
        `${province}: ${factValue(latest[0])}, ${periodText(latest[0].period)} ${sourcesText(latest)}`,
      );
    else if (computed)
      lines.push(
        `${province}: ${valueText(computed.value, computed.unit, computed.approx)}, ${periodText(computed.period)} (dihitung: ${computed.how}; ${sourceNames(computed.from)})`,
      );
  }
  if (place?.level === "provinsi") {
    const within = knowledge.table
      .regionsWith(ask.metric)
      .filter(
        (region) =>
          knowledge.lexicon.places.get(region)?.province === place.id && region !== place.id,
      )
      .flatMap((region) => {
        const group = latestSure(knowledge, ask.metric, region, ask.period);
        return group
          ? [
              `${knowledge.regionName(region)} ${factValue(group[0])} (${formatPeriod(group[0].period)}; ${sourceNames(group)})`,
            ]
          : [];
      });
    if (within.length)
      lines.push(
        `Yang ada untuk kabupaten/kota di ${place.name} (bukan angka provinsi): ${within.slice(0, MAX_PLACES).join(" · ")}${within.length > MAX_PLACES ? ` dan ${within.length - MAX_PLACES} lainnya` : ""}`,
      );
  }
  if (place?.members?.length) {
    const members = place.members.flatMap((region) => {
      const group = latestSure(knowledge, ask.metric, region, ask.period);
      return group
        ? [
            `${knowledge.regionName(region)} ${factValue(group[0])} (${formatPeriod(group[0].period)}; ${sourceNames(group)})`,
          ]
        : [];
    });
    if (members.length)
      lines.push(
        `Angka provinsinya (bukan angka ${place.name}): ${members.slice(0, 6).join(" · ")}`,
      );
  }
  if (lines.length) return lines;
  const regions = knowledge.table
    .regionsWith(ask.metric)
    .map((region) => knowledge.regionName(region));
  if (regions.length) return [`Data ${label} ada untuk: ${capped(regions)}.`];
  const metrics = knowledge.table
    .metricsIn(ask.region)
    .map((metric) => knowledge.metric(metric).label);
  return metrics.length
    ? [`Untuk ${knowledge.regionName(ask.region)} ada: ${capped(metrics)}.`]
    : [];
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
