/** Percentiles of a sample of durations in milliseconds. */
export function summarize(ms: number[]): { p50: number; p99: number; mean: number; n: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    p50: at(0.5),
    p99: at(0.99),
    mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
    n: sorted.length,
  };
}

/** Runs fn once per input, `rounds` times over, and returns each call's duration. */
export function timeEach<T>(
  inputs: readonly T[],
  rounds: number,
  fn: (input: T) => unknown,
): number[] {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const t = performance.now();
      fn(input);
      out.push(performance.now() - t);
    }
  }
  return out;
}

export function round(n: number, digits = 3): number {
  return Number(n.toFixed(digits));
}
