import Fuse from "fuse.js";

/**
 * fuse.js indexes bucketed by first letter and length. A typo keeps the first letter and
 * moves the length by at most the edits allowed, so a search looks at a few dozen names
 * instead of the thousands of place names and aliases.
 */
export class FuzzyIndex<T> {
  private readonly buckets = new Map<string, Fuse<T>>();

  constructor(items: readonly T[], keyOf: (item: T) => string) {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const bucket = this.bucket(keyOf(item), keyOf(item).length);
      const group = groups.get(bucket);
      if (group) group.push(item);
      else groups.set(bucket, [item]);
    }
    for (const [bucket, group] of groups) {
      this.buckets.set(
        bucket,
        new Fuse(group, {
          keys: [{ name: "key", getFn: keyOf }],
          threshold: 0.4,
          ignoreLocation: true,
        }),
      );
    }
  }

  /** Items whose key starts like `text` and is within `maxEdits` of its length, best first per length. */
  candidates(text: string, maxEdits: number): T[] {
    const out: T[] = [];
    for (let len = text.length - maxEdits; len <= text.length + maxEdits; len++) {
      const fuse = this.buckets.get(this.bucket(text, len));
      if (fuse) out.push(...fuse.search(text, { limit: 12 }).map((r) => r.item));
    }
    return out;
  }

  private bucket(text: string, length: number): string {
    return `${text[0]}:${length}`;
  }
}
