import type { Config } from "../../config";
import type { Handover } from "./store";

const HOUR_MS = 3_600_000;

/**
 * Why this asker may not hand over another question now, or undefined: so that one person
 * cannot flood the officers. At most HANDOVER_MAX_OPEN waiting at once, and at most
 * HANDOVER_MAX_PER_HOUR handed over in any hour, answered or not.
 */
export function handoverRefusal(
  handovers: Handover[],
  askerChatId: number,
  now: number,
  config: Pick<Config, "HANDOVER_MAX_OPEN" | "HANDOVER_MAX_PER_HOUR">,
): string | undefined {
  const mine = handovers.filter(
    (h): h is Handover & { handedAt: string } =>
      h.askerChatId === askerChatId && Boolean(h.handedAt),
  );
  const open = mine.filter((h) => h.status === "open").length;
  if (open >= config.HANDOVER_MAX_OPEN)
    return `Anda sudah punya ${open} pertanyaan yang menunggu petugas. Tunggu sampai salah satunya dijawab, lalu coba lagi.`;
  const lastHour = mine.filter((h) => now - Date.parse(h.handedAt) < HOUR_MS).length;
  if (lastHour >= config.HANDOVER_MAX_PER_HOUR)
    return `Sudah ${lastHour} pertanyaan Anda diteruskan ke petugas dalam satu jam terakhir. Coba lagi nanti.`;
  return undefined;
}
