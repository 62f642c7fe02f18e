import { BoundedMap } from "./bounded-map";

/**
 * Values a button stands for, under short keys: Telegram carries at most 64 bytes of button
 * data, and an article's id (a file name) may be longer. Bounded: the oldest go first.
 */
export class ShortKeys<T> {
  private readonly entries: BoundedMap<string, T>;
  private next = 0;

  constructor(max = 1_000) {
    this.entries = new BoundedMap(max);
  }

  add(value: T): string {
    const key = (this.next++).toString(36);
    this.entries.set(key, value);
    return key;
  }

  get(key: string): T | undefined {
    return this.entries.get(key);
  }
}
