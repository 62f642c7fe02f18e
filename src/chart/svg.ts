import type { Fact } from "../facts/fact-schema";
import { comparePeriods, formatPeriod } from "../format/period";
import { figureKey } from "../knowledge/fact-keys";
import {
  AXIS,
  DOT_RADIUS,
  GRID,
  line,
  MUTED,
  marker,
  polyline,
  REALISED,
  REALISED_STROKE,
  RING_RADIUS,
  TARGET,
  TARGET_STROKE,
  text,
} from "./draw";
import {
  type Box,
  LABEL_SIZE,
  type LabelRequest,
  placeLabels,
  type Segment,
  textWidth,
} from "./labels";
import { type ChartSeries, valueLabel } from "./series";
import { periodDays, timeTicks } from "./time-axis";
import { valueTicks } from "./value-axis";

export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 600;

const TITLE_SIZE = 22;
const TICK_SIZE = 13;
const PLOT_TOP = 100;
const PLOT_BOTTOM = CHART_HEIGHT - 84;
const PLOT_RIGHT = CHART_WIDTH - 40;
/** How far apart dots of one date are pushed, so two sources with one value both show. */
const SPREAD = 12;

type Point = {
  fact: Fact;
  day: number;
  x: number;
  y: number;
  target: boolean;
  side?: "left" | "right";
};

/** The title on one line: smaller when long, cut with an ellipsis when still too long. */
function title(content: string): string {
  const room = CHART_WIDTH - 48;
  const width = textWidth(content, TITLE_SIZE, true);
  const size = Math.max(15, Math.min(TITLE_SIZE, Math.floor((TITLE_SIZE * room) / width)));
  let fitted = content;
  while (fitted.length > 1 && textWidth(fitted, size, true) > room) {
    fitted = `${fitted.slice(0, -2).trimEnd()}…`;
  }
  return text({ x: 24, y: 46 }, fitted, { size, bold: true });
}

function legend(hasRealised: boolean, hasTarget: boolean): string[] {
  const items = [
    ...(hasRealised ? [{ label: "Realisasi", target: false }] : []),
    ...(hasTarget ? [{ label: "Target", target: true }] : []),
  ];
  const widths = items.map((i) => 36 + textWidth(i.label, TICK_SIZE));
  const y = CHART_HEIGHT - 24;
  let x = (CHART_WIDTH - widths.reduce((a, b) => a + b, 0) - 28 * (items.length - 1)) / 2;
  return items.flatMap((item, i) => {
    const mark = [
      line({ x, y }, { x: x + 28, y }, item.target ? TARGET_STROKE : REALISED_STROKE),
      marker({ x: x + 14, y }, item.target),
      text({ x: x + 36, y: y + 4.5 }, item.label, { size: TICK_SIZE }),
    ];
    x += (widths[i] ?? 0) + 28;
    return mark;
  });
}

/** The line's figure for each date: the latest published, so a revised number wins. */
function linePoints(points: Point[]): Point[] {
  const byDay = new Map<number, Point>();
  for (const p of points) {
    if (p.target) continue;
    const held = byDay.get(p.day);
    if (!held || comparePeriods(p.fact.published, held.fact.published) > 0) byDay.set(p.day, p);
  }
  return [...byDay.values()].sort((a, b) => a.x - b.x);
}

function toPoint(fact: Fact): Point {
  const target = fact.kind === "target";
  const { start, end } = periodDays(fact.period);
  // A figure describes its whole period, so it sits in the middle, under its month or year
  // label; a target is a deadline, so it sits at the end, after the figures it is measured by.
  return { fact, day: target ? end : (start + end) / 2, x: 0, y: 0, target };
}

/**
 * Spreads the dots of one date side by side, lower values left so they read upward like the
 * line, and asks their labels to go outward, away from each other.
 */
function spread(points: Point[], x: (day: number) => number, y: (value: number) => number): void {
  for (const p of points) {
    const group = points.filter((q) => q.day === p.day).sort((a, b) => a.fact.value - b.fact.value);
    const i = group.indexOf(p);
    p.x = x(p.day) + (i - (group.length - 1) / 2) * SPREAD;
    p.y = y(p.fact.value);
    if (group.length > 1 && i === 0) p.side = "left";
    if (group.length > 1 && i === group.length - 1) p.side = "right";
  }
}

function label(p: Point, unit: string): LabelRequest {
  const value = valueLabel(p.fact.value, unit);
  // A target sits on the boundary where its period ends, which the axis alone leaves ambiguous.
  const content = p.target ? `target ${value} (${formatPeriod(p.fact.period)})` : value;
  return {
    text: content,
    x: p.x,
    y: p.y,
    radius: p.target ? RING_RADIUS : DOT_RADIUS,
    side: p.side,
  };
}

/** One figure reported by several outlets is one dot; the caption names every source. */
function distinctFigures(facts: readonly Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = figureKey(f);
    return !seen.has(key) && seen.add(key);
  });
}

/** Where the plot sits on the page: the days and values it spans, and their scales. */
type Frame = {
  left: number;
  from: number;
  to: number;
  days: number[];
  ticks: number[];
  tickLabels: string[];
  x: (day: number) => number;
  y: (value: number) => number;
};

function frame(points: Point[], unit: string): Frame {
  const days = points.map((p) => p.day);
  // Room either side so the end dots and their labels clear the frame; a lone date gets months.
  const pad = Math.max((Math.max(...days) - Math.min(...days)) * 0.06, 75);
  const from = Math.min(...days) - pad;
  const to = Math.max(...days) + pad;
  const ticks = valueTicks(points.map((p) => p.fact.value));
  const low = ticks[0] ?? 0;
  const high = ticks.at(-1) ?? 1;
  const tickLabels = ticks.map((v) => valueLabel(v, unit));
  const left = Math.max(64, ...tickLabels.map((l) => textWidth(l, TICK_SIZE) + 24));
  return {
    left,
    from,
    to,
    days,
    ticks,
    tickLabels,
    x: (day) => left + ((day - from) / (to - from)) * (PLOT_RIGHT - left),
    y: (v) => PLOT_BOTTOM - ((v - low) / (high - low)) * (PLOT_BOTTOM - PLOT_TOP),
  };
}

const TICK_STYLE = { size: TICK_SIZE, fill: MUTED } as const;

/** Grid lines with their values (and the unit above them), then the time grid and its labels. */
function axes(frame: Frame, unit: string): string[] {
  const { left, x, y } = frame;
  const out = frame.ticks.flatMap((v, i) => [
    line({ x: left, y: y(v) }, { x: PLOT_RIGHT, y: y(v) }, `stroke="${v === 0 ? AXIS : GRID}"`),
    text({ x: left - 10, y: y(v) + 4.5 }, frame.tickLabels[i] ?? "", {
      ...TICK_STYLE,
      anchor: "end",
    }),
  ]);
  if (unit !== "persen") {
    out.push(text({ x: left - 10, y: PLOT_TOP - 16 }, unit, { ...TICK_STYLE, anchor: "end" }));
  }
  const time = timeTicks(frame.from, frame.to, frame.days);
  for (const day of time.grid) {
    out.push(
      line({ x: x(day), y: PLOT_TOP }, { x: x(day), y: PLOT_BOTTOM + 6 }, `stroke="${GRID}"`),
    );
  }
  for (const l of time.labels) {
    out.push(
      text({ x: x(l.day), y: PLOT_BOTTOM + 24 }, l.text, { ...TICK_STYLE, anchor: "middle" }),
    );
  }
  return out;
}

/** Every dot's value, placed clear of the dots, the line and the dashes to the targets. */
function valueLabels(points: Point[], unit: string, left: number, lines: Segment[]): string[] {
  const bounds: Box = { x0: left + 2, y0: 62, x1: CHART_WIDTH - 14, y1: PLOT_BOTTOM - 2 };
  const dots = points.map((p) => ({ x: p.x, y: p.y, radius: p.target ? RING_RADIUS : DOT_RADIUS }));
  const requests = points.map((p) => label(p, unit));
  return placeLabels(requests, dots, lines, bounds).map((at, i) => {
    const fill = points[i]?.target ? TARGET : REALISED;
    return text(at, at.text, { size: LABEL_SIZE, anchor: "middle", bold: true, fill, halo: true });
  });
}

function plot(series: ChartSeries): string[] {
  const points = distinctFigures(series.facts)
    .map(toPoint)
    .sort((a, b) => a.day - b.day);
  const scale = frame(points, series.unit);
  spread(points, scale.x, scale.y);
  const path = linePoints(points);
  const latest = path.at(-1);
  const targets = points.filter((p) => p.target);
  const segments: Segment[] = path.slice(1).map((p, i) => ({
    x0: path[i]?.x ?? p.x,
    y0: path[i]?.y ?? p.y,
    x1: p.x,
    y1: p.y,
  }));
  const dashes: Segment[] = latest
    ? targets.map((t) => ({ x0: latest.x, y0: latest.y, x1: t.x, y1: t.y }))
    : [];
  return [
    ...axes(scale, series.unit),
    ...dashes.map((d) => line({ x: d.x0, y: d.y0 }, { x: d.x1, y: d.y1 }, TARGET_STROKE)),
    ...(path.length > 1 ? [polyline(path, REALISED_STROKE)] : []),
    ...points.map((p) => marker(p, p.target)),
    ...valueLabels(points, series.unit, scale.left, [...segments, ...dashes]),
    ...legend(path.length > 0, targets.length > 0),
  ];
}

/** The chart as an SVG document; no facts still give a chart that says so. */
export function renderChartSvg(series: ChartSeries): string {
  const empty = text({ x: CHART_WIDTH / 2, y: CHART_HEIGHT / 2 }, "Belum ada data", {
    size: 20,
    anchor: "middle",
    fill: MUTED,
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="DejaVu Sans" stroke-width="1">`,
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#fff"/>`,
    title(series.title),
    ...(series.facts.length === 0 ? [empty] : plot(series)),
    "</svg>",
  ].join("\n");
}
