import type { Update } from "grammy/types";
import { ApiError } from "./errors.js";

export type NewUpdate = Omit<Update, "update_id">;

// Without allowed_updates Telegram sends every kind of update except these, which bots opt into.
const OPT_IN = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

interface Poll {
  wake(): void;
  fail(error: ApiError): void;
}

/** The bot's pending updates and the one long poll that may be waiting for them. */
export class UpdateQueue {
  private queue: Update[] = [];
  // Telegram's update ids start at some large number; starting at 1 would hide offset bugs.
  private nextId = 586_312_001;
  private allowed: ReadonlySet<string> | undefined;
  private poll: Poll | undefined;

  get pendingCount(): number {
    return this.queue.length;
  }

  get allowedUpdates(): string[] | undefined {
    return this.allowed && [...this.allowed];
  }

  newId(): number {
    return this.nextId++;
  }

  /** Queues an update, unless allowed_updates rules its kind out: Telegram never creates those. */
  push(update: NewUpdate): number {
    const full = { update_id: this.newId(), ...update } as Update;
    const kind = Object.keys(full).find((key) => key !== "update_id") ?? "";
    if (this.allowed ? this.allowed.has(kind) : !OPT_IN.has(kind)) {
      this.queue.push(full);
      this.poll?.wake();
    }
    return full.update_id;
  }

  /** An empty list restores the default, as in getUpdates and setWebhook. */
  setAllowed(kinds: string[]): void {
    this.allowed = kinds.length > 0 ? new Set(kinds) : undefined;
  }

  clear(): void {
    this.queue = [];
  }

  /**
   * getUpdates: forget what the offset confirms, then answer at once, or as soon as an update
   * arrives within the timeout. A newer call ends the waiting one with 409, like Telegram.
   */
  async take(
    offset: number,
    limit: number,
    timeoutSeconds: number,
    signal: AbortSignal,
  ): Promise<Update[]> {
    this.terminate(
      new ApiError(
        409,
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      ),
    );
    if (offset > 0) this.queue = this.queue.filter((update) => update.update_id >= offset);
    else if (offset < 0) this.queue = this.queue.slice(offset);
    if (this.queue.length === 0 && timeoutSeconds > 0)
      await this.wait(timeoutSeconds * 1000, signal);
    return this.queue.slice(0, limit);
  }

  terminate(error: ApiError): void {
    this.poll?.fail(error);
  }

  /** Answers a waiting long poll now. */
  release(): void {
    this.poll?.wake();
  }

  private wait(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", poll.wake);
        if (this.poll === poll) this.poll = undefined;
      };
      const poll: Poll = {
        wake: () => {
          settle();
          resolve();
        },
        fail: (error) => {
          settle();
          reject(error);
        },
      };
      const timer = setTimeout(poll.wake, ms);
      // The client gave up (grammY's bot.stop() aborts its poll): stop holding the slot.
      signal.addEventListener("abort", poll.wake);
      this.poll = poll;
    });
  }
}
