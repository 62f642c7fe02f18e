import { editDistanceWithin } from "./edit-distance";

export type Near<T> = { item: T; distance: number };

/**
 * Keys bucketed by first letter and length. A typo keeps the first letter and moves the
 * length by at most the edits allowed, so a search measures a few dozen keys instead of the
 * thousands of place names and aliases, and each measure stops as soon as it passes the bound.
 */
type Keyed<T> = { key: string; item: T; letters: Uint8Array };

const BINS = 32;

/** How many of each character a text has, in 32 bins: letters, the space, digits, the rest. */
function lettersOf(text: string, into: Uint8Array): Uint8Array {
  into.fill(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const bin =
      c >= 97 && c <= 122 ? c - 97 : c === 32 ? 26 : c >= 48 && c <= 57 ? 27 : 28 + (c & 3);
    into[bin] = Math.min(255, (into[bin] as number) + 1);
  }
  return into;
}

/**
 * A floor under the edit distance: every character one text has more of than the other
 * takes an edit (a swap changes no counts, a substitution fixes one surplus on each side).
 */
function countsApart(a: Uint8Array, b: Uint8Array): number {
  let more = 0;
  let fewer = 0;
  for (let i = 0; i < BINS; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d > 0) more += d;
    else fewer -= d;
  }
  return Math.max(more, fewer);
}

export class FuzzyIndex<T> {
  private readonly buckets = new Map<string, Keyed<T>[]>();
  private readonly scratch = new Uint8Array(BINS);

  constructor(items: readonly T[], keyOf: (item: T) => string) {
    for (const item of items) {
      const key = keyOf(item);
      const bucket = this.bucket(key, key.length);
      const group = this.buckets.get(bucket);
      const keyed = { key, item, letters: lettersOf(key, new Uint8Array(BINS)) };
      if (group) group.push(keyed);
      else this.buckets.set(bucket, [keyed]);
    }
  }

  /**
   * Items whose key starts like `text` and lies within `maxEdits` of it, with their distance:
   * shorter keys first, then the nearest, then in the order given.
   */
  within(text: string, maxEdits: number): Near<T>[] {
    const out: Near<T>[] = [];
    const letters = lettersOf(text, this.scratch);
    for (let len = text.length - maxEdits; len <= text.length + maxEdits; len++) {
      const group = this.buckets.get(this.bucket(text, len));
      if (!group) continue;
      const near: Near<T>[] = [];
      for (const { key, item, letters: theirs } of group) {
        if (countsApart(letters, theirs) > maxEdits) continue;
        const distance = editDistanceWithin(text, key, maxEdits);
        if (distance <= maxEdits) near.push({ item, distance });
      }
      // Stable: equally near keys stay in the order given.
      out.push(...near.sort((a, b) => a.distance - b.distance));
    }
    return out;
  }

  private bucket(text: string, length: number): string {
    return `${text[0]}:${length}`;
  }
}
