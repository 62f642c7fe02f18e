import type { Transformer } from "grammy";
import type { Services } from "./services";

/**
 * Auto-retry gives up on a 429 whose retry_after is over its own limit (30 s), and the answer
 * was lost. This holds such a call and sends it again once Telegram allows, for at most
 * FLOOD_WAIT_MAX_SECONDS in all and FLOOD_WAIT_MAX_HELD calls at a time. Past either bound
 * the 429 goes back to the handler, and the error boundary tells the person once.
 */
export function holdFloodWaits(s: Services): Transformer {
  const { FLOOD_WAIT_MAX_SECONDS: maxSeconds, FLOOD_WAIT_MAX_HELD: maxHeld } = s.config;
  let held = 0;
  return async (prev, method, payload, signal) => {
    let waited = 0;
    for (;;) {
      const result = await prev(method, payload, signal);
      const wait = result.ok ? undefined : result.parameters?.retry_after;
      if (wait === undefined) return result;
      if (waited + wait > maxSeconds || held >= maxHeld) {
        s.logger.error(
          { method, retryAfter: wait, waited, held },
          "Telegram asked to wait too long; not sent",
        );
        return result;
      }
      s.logger.warn({ method, retryAfter: wait }, "flood wait: holding the call until allowed");
      held++;
      try {
        // grammY types the signal with an old polyfill's type; at run time it is Node's own.
        await s.sleep(wait * 1000, signal as AbortSignal | undefined);
      } finally {
        held--;
      }
      waited += wait;
    }
  };
}
