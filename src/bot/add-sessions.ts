import type { Fact } from "../facts/fact-schema";
import type { Draft, DraftField } from "../ingest/draft";

/** Where an addition is: waiting for the article, for a missing field, on its preview, saving. */
export type AddStep = "input" | DraftField | "preview" | "saving";

export type AddSession = {
  /** Short, for button data. */
  id: string;
  chatId: number;
  userId: number;
  step: AddStep;
  draft?: Draft;
  facts: Fact[];
  /** Indexes into `facts` the admin dropped. */
  dropped: Set<number>;
  /** The preview as last shown, kept under the outcome when it is saved or cancelled. */
  previewHtml?: string;
  touched: number;
};

/**
 * Articles being added, one per admin and chat, in memory only: nothing of an addition is on
 * disk before Simpan. One untouched for `idleMs` is gone, as if cancelled.
 */
export class AddSessions {
  private readonly byChat = new Map<string, AddSession>();
  private next = 0;

  constructor(private readonly idleMs: number) {}

  start(chatId: number, userId: number, now: number): AddSession {
    this.prune(now);
    const session: AddSession = {
      id: (this.next++).toString(36),
      chatId,
      userId,
      step: "input",
      facts: [],
      dropped: new Set(),
      touched: now,
    };
    this.byChat.set(`${chatId}:${userId}`, session);
    return session;
  }

  /** The admin's addition in this chat, touched now; undefined when there is none or it expired. */
  get(chatId: number, userId: number, now: number): AddSession | undefined {
    const key = `${chatId}:${userId}`;
    const s = this.byChat.get(key);
    if (!s) return undefined;
    if (now - s.touched > this.idleMs) {
      this.byChat.delete(key);
      return undefined;
    }
    s.touched = now;
    return s;
  }

  end(session: AddSession): void {
    const key = `${session.chatId}:${session.userId}`;
    if (this.byChat.get(key) === session) this.byChat.delete(key);
  }

  private prune(now: number): void {
    for (const [key, s] of this.byChat) if (now - s.touched > this.idleMs) this.byChat.delete(key);
  }
}
