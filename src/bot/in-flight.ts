import type { MiddlewareFn } from "grammy";

/**
 * The updates being handled right now. Stopping the runner or the webhook server only stops
 * new updates coming in; a shutdown waits here for the ones in hand, whose offsets Telegram
 * has already been told to forget.
 */
export class InFlight {
  private count = 0;
  private idle: (() => void)[] = [];

  readonly middleware: MiddlewareFn = async (_ctx, next) => {
    this.count++;
    try {
      await next();
    } finally {
      if (--this.count === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  };

  get size(): number {
    return this.count;
  }

  /** Resolves when none is in flight, or after `ms`, with how many still were. */
  async drain(ms: number): Promise<number> {
    if (this.count === 0) return 0;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.idle.push(resolve)),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
    ]);
    clearTimeout(timer);
    return this.count;
  }
}
