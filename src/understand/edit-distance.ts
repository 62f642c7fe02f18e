/** Damerau–Levenshtein distance (adjacent swaps count as one edit: "lampnug"). */
export function editDistance(a: string, b: string): number {
  return editDistanceWithin(a, b, Math.max(a.length, b.length));
}

// Three rows, reused: no allocation per call.
let rows: [Int32Array, Int32Array, Int32Array] = [
  new Int32Array(64),
  new Int32Array(64),
  new Int32Array(64),
];

/**
 * The distance when it is at most `max`, else `max + 1`: the same as editDistance within the
 * bound, for a fraction of the work. A common start and end are no edits and are set aside,
 * and only cells within `max` of the diagonal are filled (any path outside costs more).
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0) return Math.min(n + m, max + 1);
  if (rows[0].length <= m)
    rows = [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  const over = max + 1;
  // Cells are read at 0..m of rows longer than m: the `as number` casts below are true.
  let [older, prev, row] = rows; // rows i - 2, i - 1 and i
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    row[0] = i <= max ? i : over;
    if (from > 1) row[from - 1] = over;
    let best = row[0] as number;
    const ca = a.charCodeAt(start + i - 1);
    for (let j = from; j <= to; j++) {
      const cb = b.charCodeAt(start + j - 1);
      let d = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (ca === cb ? 0 : 1),
      );
      if (
        i > 1 &&
        j > 1 &&
        ca === b.charCodeAt(start + j - 2) &&
        a.charCodeAt(start + i - 2) === cb
      )
        d = Math.min(d, (older[j - 2] as number) + 1);
      row[j] = Math.min(d, over);
      if (d < best) best = d;
    }
    if (to < m) row[to + 1] = over;
    if (best > max) return over;
    [older, prev, row] = [prev, row, older];
  }
  return Math.min(prev[m] as number, over);
}
