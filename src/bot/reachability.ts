import { HttpError, type Transformer } from "grammy";
import type { Logger } from "../logger";

/**
 * Says when the Bot API cannot be reached, and when it can again. It sits under auto-retry,
 * which retries network errors with growing pauses but silently, so that a wrong or dead
 * TELEGRAM_API_ROOT would otherwise look like a bot with nothing to do.
 */
export function watchReachability(apiRoot: string, logger: Logger): Transformer {
  let down = false;
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (down) logger.info({ apiRoot }, "Telegram Bot API reachable again");
      down = false;
      return result;
    } catch (err) {
      if (err instanceof HttpError && !signal?.aborted && !down) {
        down = true;
        logger.warn(
          { apiRoot, method, err },
          "Telegram Bot API not reachable; retrying with growing pauses",
        );
      }
      throw err;
    }
  };
}
