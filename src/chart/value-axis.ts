const NICE = [1, 2, 2.5, 5, 10];

/** Removes float noise such as 3 * 0.1 = 0.30000000000000004 before the value is written. */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

/** Round gridline values from 0 (lower when a value is negative) to just past the highest value. */
export function valueTicks(values: number[]): number[] {
  const low = Math.min(0, ...values);
  let high = Math.max(0, ...values);
  if (high === low) high = low + 1;
  const raw = (high - low) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = (NICE.find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const bottom = Math.floor(clean(low / step));
  const top = Math.ceil(clean(high / step));
  return Array.from({ length: top - bottom + 1 }, (_, i) => clean((bottom + i) * step));
}
