import pino from "pino";

/** One logger for the process, on standard error so that standard output stays the chat. */
export function createLogger(level: string) {
  return pino(
    { level, redact: { paths: ["token", "*.token", "config.BOT_TOKEN"], censor: "[hidden]" } },
    pino.destination(2),
  );
}

export type Logger = ReturnType<typeof createLogger>;
