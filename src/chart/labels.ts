/** A rectangle in SVG pixels. */
export type Box = { x0: number; y0: number; x1: number; y1: number };
export type Segment = { x0: number; y0: number; x1: number; y1: number };
export type Dot = { x: number; y: number; radius: number };
/** `side` asks for a label beside the dot, for dots pushed apart because they share a date. */
export type LabelRequest = Dot & { text: string; side?: "left" | "right" | undefined };
/** A placed label: its text is drawn centred on `x` with its baseline on `y`. */
export type Placement = { text: string; x: number; y: number };

export const LABEL_SIZE = 14;
const HEIGHT = LABEL_SIZE * 1.2;
const PAD = 2;

/**
 * Estimated width of DejaVu Sans text: resvg lays text out only when it renders, so labels are
 * placed with the font's advances (in em), measured once per kind of character.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const c of text) {
    if (/[ ,.:;'!|]/.test(c)) em += 0.32;
    else if (/[ijlI]/.test(c)) em += 0.28;
    else if (/[frt()-]/.test(c)) em += 0.39;
    else if (/[mwMW%…]/.test(c)) em += 0.95;
    else if (/[A-Z]/.test(c)) em += 0.72;
    else em += 0.62;
  }
  return em * size * (bold ? 1.12 : 1);
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Shifts a box into bounds, so a label by the chart's edge moves inward rather than elsewhere. */
function clamp(a: Box, b: Box): Box {
  const dx = Math.max(b.x0 - a.x0, 0) + Math.min(b.x1 - a.x1, 0);
  const dy = Math.max(b.y0 - a.y0, 0) + Math.min(b.y1 - a.y1, 0);
  return { x0: a.x0 + dx, y0: a.y0 + dy, x1: a.x1 + dx, y1: a.y1 + dy };
}

/** Liang–Barsky: whether any part of the segment lies in the box. */
function crosses(s: Segment, b: Box): boolean {
  const dx = s.x1 - s.x0;
  const dy = s.y1 - s.y0;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, s.x0 - b.x0],
    [dx, b.x1 - s.x0],
    [-dy, s.y0 - b.y0],
    [dy, b.y1 - s.y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** Boxes around a dot, most natural first: above, beside above, below, beside, then stacked further away. */
function candidates(r: LabelRequest, w: number): [Box, ...Box[]] {
  const { x, y } = r;
  const gap = r.radius + 4;
  const at = (left: number, top: number): Box => ({
    x0: left,
    y0: top,
    x1: left + w,
    y1: top + HEIGHT,
  });
  const above = at(x - w / 2, y - gap - HEIGHT);
  const below = at(x - w / 2, y + gap);
  const upperLeft = at(x - w - 2, y - gap - HEIGHT + 2);
  const upperRight = at(x + 2, y - gap - HEIGHT + 2);
  const lowerLeft = at(x - w - 2, y + gap - 2);
  const lowerRight = at(x + 2, y + gap - 2);
  const left = at(x - gap - w, y - HEIGHT / 2);
  const right = at(x + gap, y - HEIGHT / 2);
  const boxes: [Box, ...Box[]] =
    r.side === "left"
      ? [left, upperLeft, lowerLeft, above, below, upperRight, lowerRight, right]
      : r.side === "right"
        ? [right, upperRight, lowerRight, above, below, upperLeft, lowerLeft, left]
        : [above, upperLeft, upperRight, below, lowerRight, lowerLeft, right, left];
  for (let k = 1; k <= 4; k++) {
    boxes.push(at(x - w / 2, y - gap - HEIGHT - k * HEIGHT), at(x - w / 2, y + gap + k * HEIGHT));
  }
  return boxes;
}

/**
 * Places labels one by one where they overlap no dot, no earlier label and, if possible, no
 * line; two sources for one period put two dots close together, so their labels must part.
 */
export function placeLabels(
  requests: LabelRequest[],
  dots: Dot[],
  lines: Segment[],
  bounds: Box,
): Placement[] {
  const taken: Box[] = dots.map((r) => ({
    x0: r.x - r.radius,
    y0: r.y - r.radius,
    x1: r.x + r.radius,
    y1: r.y + r.radius,
  }));
  return requests.map((r) => {
    const w = textWidth(r.text, LABEL_SIZE, true) + 2 * PAD;
    const options = candidates(r, w);
    const free = options
      .map((b) => clamp(b, bounds))
      .filter((b) => !taken.some((t) => overlaps(b, t)));
    const box =
      free.find((b) => !lines.some((s) => crosses(s, b))) ?? free[0] ?? clamp(options[0], bounds);
    taken.push(box);
    return { text: r.text, x: (box.x0 + box.x1) / 2, y: box.y1 - HEIGHT * 0.25 };
  });
}
