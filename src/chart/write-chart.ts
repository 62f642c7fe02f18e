import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { renderChartPng } from "./png";
import type { ChartSeries } from "./series";

/** Saves a series' chart as PNG; returns the absolute path, for the CLI to print. */
export function writeChart(series: ChartSeries, path: string): string {
  const out = resolve(path);
  writeFileSync(out, renderChartPng(series));
  return out;
}
