import { HttpError, type Transformer } from "grammy";
import type { Metrics } from "./metrics";

/**
 * When the Bot API last answered, whatever it answered: the health check's sign that the bot
 * is in touch with Telegram. Each failed attempt is counted by its error code ("network"
 * when there was no answer at all). It sits innermost, so every retry counts.
 */
export class ApiContact {
  lastAt?: Date;

  constructor(
    private readonly metrics: Metrics,
    private readonly now: () => Date,
  ) {}

  readonly transformer: Transformer = async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      this.lastAt = this.now();
      if (!result.ok) this.metrics.apiErrors.inc({ code: String(result.error_code) });
      return result;
    } catch (err) {
      if (err instanceof HttpError && !signal?.aborted)
        this.metrics.apiErrors.inc({ code: "network" });
      throw err;
    }
  };
}
