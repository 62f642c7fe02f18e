import type { ResponseParameters } from "grammy/types";
import type { Params } from "./params.js";

export type ApiResponse =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };

export interface ApiCall {
  method: string;
  /** JSON body fields, or form fields plus uploaded files under their multipart part names. */
  params: Params;
  /** When the request arrived, in ms since the epoch. */
  at: number;
  /** HTTP status of the answer; 0 when the connection was dropped or the client left first. */
  status: number;
  /** The JSON answer; absent when the answer was a dropped connection or an nginx error page. */
  response?: ApiResponse;
}

interface Waiter {
  offer(call: ApiCall, index: number): void;
  cancel(error: Error): void;
}

/** The calls answered so far, in answer order, and the tests waiting for more. */
export class CallLog {
  readonly calls: ApiCall[] = [];
  private readonly waiters = new Set<Waiter>();

  record(call: ApiCall): void {
    this.calls.push(call);
    for (const waiter of this.waiters) waiter.offer(call, this.calls.length - 1);
  }

  waitFor(
    method: string,
    pred: (call: ApiCall) => boolean = () => true,
    timeoutMs = 5000,
    sinceIndex = 0,
  ): Promise<ApiCall> {
    const matches = (call: ApiCall, index: number) =>
      index >= sinceIndex && call.method.toLowerCase() === method.toLowerCase() && pred(call);
    const found = this.calls.find(matches);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.calls.slice(sinceIndex).map((c) => `${c.method} ${c.status}`);
        reject(
          new Error(
            `waitForCall("${method}") timed out after ${timeoutMs} ms; calls since #${sinceIndex}: ${seen.join(", ") || "none"}`,
          ),
        );
      }, timeoutMs);
      const waiter: Waiter = {
        offer: (call, index) => {
          if (!matches(call, index)) return;
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(call);
        },
        cancel: (error) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  cancelWaiters(error: Error): void {
    for (const waiter of this.waiters) waiter.cancel(error);
  }
}
