import { z } from "zod";

/**
 * One question handed to the officers. A draft is made when the asker presses "Tanyakan ke
 * petugas" and becomes open when they confirm; an officer's answer or refusal closes it, and
 * so does finding that the asker blocked the bot. An officer's text is never kept: it is a
 * person's answer, relayed once, not a figure the bot could repeat.
 */
export const handoverSchema = z.object({
  id: z.number().int().positive(),
  status: z.enum(["draft", "open", "answered", "refused", "blocked"]),
  question: z.string(),
  /** What the bot answered, as the asker saw it. */
  botAnswer: z.string(),
  /** The asker's private chat, and their question in it: where the officer's answer goes. */
  askerChatId: z.number().int(),
  questionMessageId: z.number().int(),
  /** Only when the asker chose to send it. */
  askerName: z.string().optional(),
  /** The handover in the officers' chat, and its reminder: replies to either answer it. */
  officersMessageId: z.number().int().optional(),
  reminderMessageId: z.number().int().optional(),
  createdAt: z.iso.datetime(),
  handedAt: z.iso.datetime().optional(),
  remindedAt: z.iso.datetime().optional(),
  closedAt: z.iso.datetime().optional(),
});

export type Handover = z.infer<typeof handoverSchema>;
export type HandoverStatus = Handover["status"];
export type NewHandover = Omit<Handover, "id">;

/** All handovers with the last id given, as one stored document (a file, or in shared storage). */
export const handoverBookSchema = z.object({
  lastId: z.number().int().nonnegative(),
  handovers: z.array(handoverSchema),
});
export type HandoverBook = z.infer<typeof handoverBookSchema>;
/** Confirmed by the asker: in the officers' chat, open or closed. */
export type HandedOver = Handover & { status: Exclude<HandoverStatus, "draft"> };

export function handedOver(h: Handover): h is HandedOver {
  return h.status !== "draft";
}

/** A draft the asker never confirmed is dropped after this long. */
export const DRAFT_KEEP_MS = 60 * 60_000;
/** A closed handover is kept this long after closing, for /belumterjawab and the per-hour cap. */
export const CLOSED_KEEP_MS = 30 * 86_400_000;

/** The handovers a store still keeps at `now`: drafts for DRAFT_KEEP_MS, closed ones CLOSED_KEEP_MS after closing. */
export function stillKept(handovers: readonly Handover[], now: Date): Handover[] {
  const at = now.getTime();
  return handovers.filter((h) =>
    h.status === "draft"
      ? at - Date.parse(h.createdAt) < DRAFT_KEEP_MS
      : !h.closedAt || at - Date.parse(h.closedAt) < CLOSED_KEEP_MS,
  );
}

/**
 * Where handovers are kept, so that a restart loses none. Small on purpose: a file in
 * DATA_DIR now, a shared store (Redis) later. A store forgets drafts after DRAFT_KEEP_MS and
 * closed handovers CLOSED_KEEP_MS after closing; open ones stay until they are closed.
 */
export interface HandoverStore {
  /** Keeps a new handover under the next number. */
  add(handover: NewHandover): Promise<Handover>;
  get(id: number): Promise<Handover | undefined>;
  /**
   * Changes a handover as `change` says, reading and writing it as one step, so that a change
   * made meanwhile (an officer's answer while a reminder goes out) is never overwritten with an
   * older copy. `change` returns undefined to leave it as it is; so does a missing handover.
   * Resolves with the handover as it is afterwards.
   */
  update(id: number, change: (h: Handover) => Handover | undefined): Promise<Handover | undefined>;
  remove(id: number): Promise<void>;
  /** Every handover kept, oldest first. */
  list(): Promise<Handover[]>;
}
