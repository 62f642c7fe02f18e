import { setImmediate as nextTurn } from "node:timers/promises";

/** Work written as a generator that yields now and then: run at once, or in steps. */
export type Stepped<T> = Generator<void, T>;

export function runAll<T>(work: Stepped<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the work a slice at a time, `sliceMs` at most between yields, giving the event loop a
 * turn after each slice: questions asked meanwhile are answered between the slices.
 */
export async function runInSteps<T>(work: Stepped<T>, sliceMs = 2): Promise<T> {
  for (;;) {
    const until = performance.now() + sliceMs;
    do {
      const step = work.next();
      if (step.done) return step.value;
    } while (performance.now() < until);
    await nextTurn();
  }
}
