import { escapeXml } from "./escape";

const INK = "#1f2937";
export const MUTED = "#6b7280";
export const GRID = "#e5e7eb";
export const AXIS = "#9ca3af";
export const REALISED = "#1d4ed8";
export const TARGET = "#c2410c";
export const DOT_RADIUS = 5;
export const RING_RADIUS = 6;
export const REALISED_STROKE = `stroke="${REALISED}" stroke-width="3"`;
export const TARGET_STROKE = `stroke="${TARGET}" stroke-width="2.5" stroke-dasharray="6 5"`;

export type At = { x: number; y: number };
export type TextStyle = {
  size: number;
  anchor?: "middle" | "end";
  bold?: boolean;
  fill?: string;
  halo?: boolean;
};

/** One decimal is finer than a pixel and keeps the SVG short. */
function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}

export function text(at: At, content: string, s: TextStyle): string {
  const attrs = [
    `x="${n(at.x)}" y="${n(at.y)}" font-size="${s.size}" fill="${s.fill ?? INK}"`,
    s.anchor ? ` text-anchor="${s.anchor}"` : "",
    s.bold ? ` font-weight="bold"` : "",
    // A white outline keeps a label readable where it crosses a gridline or the line.
    s.halo ? ` stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"` : "",
  ];
  return `<text ${attrs.join("")}>${escapeXml(content)}</text>`;
}

export function line(a: At, b: At, stroke: string): string {
  return `<line x1="${n(a.x)}" y1="${n(a.y)}" x2="${n(b.x)}" y2="${n(b.y)}" ${stroke}/>`;
}

export function polyline(points: At[], stroke: string): string {
  const d = points.map((p, i) => `${i ? "L" : "M"}${n(p.x)} ${n(p.y)}`).join(" ");
  return `<path d="${d}" fill="none" ${stroke} stroke-linejoin="round"/>`;
}

/** A realisation is a filled dot; a target a hollow ring, not yet reached. */
export function marker(at: At, target: boolean): string {
  const c = `cx="${n(at.x)}" cy="${n(at.y)}"`;
  return target
    ? `<circle ${c} r="${RING_RADIUS}" fill="#fff" stroke="${TARGET}" stroke-width="2.5"/>`
    : `<circle ${c} r="${DOT_RADIUS}" fill="${REALISED}" stroke="#fff" stroke-width="1.5"/>`;
}
