import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import type { ChartSeries } from "./series";
import { renderChartSvg } from "./svg";

export { CHART_HEIGHT, CHART_WIDTH } from "./svg";

// The fonts ship in node_modules, so a chart looks the same on a bare server as on a laptop.
const fontDir = join(
  dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")),
  "ttf",
);
const fontFiles = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => join(fontDir, f));

/** The chart as a PNG of CHART_WIDTH × CHART_HEIGHT pixels. */
export function renderChartPng(series: ChartSeries): Buffer {
  const resvg = new Resvg(renderChartSvg(series), {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
