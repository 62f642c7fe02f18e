import pino, { type DestinationStream } from "pino";

type ErrorLike = Error & {
  code?: unknown;
  error_code?: unknown;
  description?: unknown;
  method?: unknown;
  parameters?: unknown;
  error?: unknown;
};

/**
 * Errors as a few named fields. pino's own serializer copies every property, and grammY's
 * BotError carries the update's context, whose api holds the bot token.
 */
export function serializeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as ErrorLike;
  // grammY wraps the real error in `error` (BotError, HttpError); others use `cause`.
  const inner = e.error ?? e.cause;
  return {
    type: e.name,
    message: e.message,
    ...(e.code !== undefined && { code: e.code }),
    ...(e.error_code !== undefined && { error_code: e.error_code }),
    ...(e.description !== undefined && { description: e.description }),
    ...(typeof e.method === "string" && { method: e.method }),
    ...(e.parameters !== undefined && { parameters: e.parameters }),
    stack: e.stack,
    ...(inner !== undefined && depth < 3 && { cause: serializeError(inner, depth + 1) }),
  };
}

/**
 * One logger for the process, on standard error so that standard output stays the chat.
 * Secrets are cut from every line as it is written, whatever path put them there (a URL with
 * the token in a network error's message, say).
 */
export function createLogger(
  level: string,
  opts: { secrets?: (string | undefined)[]; destination?: DestinationStream } = {},
) {
  const secrets = (opts.secrets ?? []).filter((s): s is string => Boolean(s));
  return pino(
    {
      level,
      redact: { paths: ["token", "*.token", "config.BOT_TOKEN"], censor: "[hidden]" },
      serializers: { err: serializeError },
      hooks: {
        streamWrite: (line) => secrets.reduce((out, s) => out.replaceAll(s, "[hidden]"), line),
      },
    },
    opts.destination ?? pino.destination(2),
  );
}

export type Logger = ReturnType<typeof createLogger>;
