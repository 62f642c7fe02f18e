import type { Api } from "grammy";
import { escapeHtml } from "../html";
import { quoting } from "../reply-text";
import type { Services } from "../services";
import type { Handover } from "./store";
import { reminder } from "./texts";

/**
 * Reminds the officers' group, once, of each question open longer than
 * HANDOVER_REMIND_MINUTES, as a reply to the question there; a reply to the reminder answers
 * it too. Checks at the start, so what fell due while the bot was down is reminded at once,
 * then every quarter of that time (at most a minute). Returns the stop, which waits for a
 * check under way.
 */
export function remindOfficers(api: Api, s: Services): () => Promise<void> {
  const desk = s.handover;
  if (!desk) return async () => undefined;
  const afterMs = s.config.HANDOVER_REMIND_MINUTES * 60_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const check = async () => {
    const now = s.now().getTime();
    const due = (h: Handover) =>
      h.status === "open" && !h.remindedAt && now - Date.parse(h.handedAt ?? "") >= afterMs;
    for (const { id } of (await desk.store.list()).filter(due)) {
      // Marked before sending, and only if still due: once means once, even when the send fails.
      let marked = false;
      const h = await desk.store.update(id, (fresh) => {
        if (!due(fresh)) return undefined;
        marked = true;
        return { ...fresh, remindedAt: s.now().toISOString() };
      });
      if (!h || !marked) continue;
      try {
        const sent = await api.sendMessage(desk.chatId, escapeHtml(reminder(h, now)), {
          ...(h.officersMessageId && quoting(h.officersMessageId)),
        });
        await desk.store.update(id, (fresh) => ({ ...fresh, reminderMessageId: sent.message_id }));
        s.logger.info({ handover: h.id }, "officers reminded");
      } catch (err) {
        s.logger.warn({ err, handover: h.id }, "reminder not sent; not tried again");
      }
    }
  };
  const loop = () => {
    running = check()
      .catch((err) => s.logger.error({ err }, "handover reminders failed"))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, Math.min(60_000, afterMs / 4)).unref();
      });
  };
  loop();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
