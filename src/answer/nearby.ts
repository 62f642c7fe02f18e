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
  k: Knowledge,
  ask: Ask,
  realised: readonly FigureGroup[],
  targets: readonly FigureGroup[],
): string[] {
  const label = k.metric(ask.metric).label;
  const lines: string[] = [];
  if (realised.length || targets.length) {
    const have = realised.length ? realised : targets;
    const periods = [...new Set(have.map((g) => g[0].period))].reverse().map(formatPeriod);
    lines.push(`Yang ada${realised.length ? "" : " hanya target"}: ${capped(periods)}.`);
  }
  const place = k.lexicon.places.get(ask.region);
  if (place && (place.level === "kabupaten" || place.level === "kota") && place.province) {
    const province = `Angka Provinsi ${k.regionName(place.province)} (bukan angka ${place.name})`;
    const latest = latestSure(k, ask.metric, place.province, ask.period);
    const computed = latest ? undefined : compute(k, ask.metric, place.province, ask.period).at(-1);
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
    const within = k.table
      .regionsWith(ask.metric)
      .filter((r) => k.lexicon.places.get(r)?.province === place.id && r !== place.id)
      .flatMap((r) => {
        const g = latestSure(k, ask.metric, r, ask.period);
        return g
          ? [
              `${k.regionName(r)} ${factValue(g[0])} (${formatPeriod(g[0].period)}; ${sourceNames(g)})`,
            ]
          : [];
      });
    if (within.length)
      lines.push(
        `Yang ada untuk kabupaten/kota di ${place.name} (bukan angka provinsi): ${within.slice(0, MAX_PLACES).join(" · ")}${within.length > MAX_PLACES ? ` dan ${within.length - MAX_PLACES} lainnya` : ""}`,
      );
  }
  if (place?.members?.length) {
    const members = place.members.flatMap((r) => {
      const g = latestSure(k, ask.metric, r, ask.period);
      return g
        ? [
            `${k.regionName(r)} ${factValue(g[0])} (${formatPeriod(g[0].period)}; ${sourceNames(g)})`,
          ]
        : [];
    });
    if (members.length)
      lines.push(
        `Angka provinsinya (bukan angka ${place.name}): ${members.slice(0, 6).join(" · ")}`,
      );
  }
  if (lines.length) return lines;
  const regions = k.table.regionsWith(ask.metric).map((r) => k.regionName(r));
  if (regions.length) return [`Data ${label} ada untuk: ${capped(regions)}.`];
  const metrics = k.table.metricsIn(ask.region).map((m) => k.metric(m).label);
  return metrics.length ? [`Untuk ${k.regionName(ask.region)} ada: ${capped(metrics)}.`] : [];
}

function latestSure(
  k: Knowledge,
  metric: string,
  region: string,
  period?: Period,
): FigureGroup | undefined {
  const { realised } = k.table.figures(metric, region);
  return (period ? inPeriod(realised, period) : realised)
    .filter((g) => g.some((f) => f.sure))
    .at(-1);
}
