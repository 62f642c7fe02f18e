import { z } from "zod";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const port = (fallback?: number) => {
  const p = z.coerce.number().int().min(1).max(65535);
  return fallback === undefined ? p.optional() : p.default(fallback);
};

/** What one article may hold; news articles are a few kilobytes with a handful of figures. */
export const seedLimitsSchema = z.object({
  MAX_ARTICLE_BYTES: positiveInt(2_000_000),
  MAX_FACTS_PER_ARTICLE: positiveInt(1_000),
});

export type SeedLimits = z.infer<typeof seedLimitsSchema>;

/** Where the data files are and what one article may hold: all that building the table reads. */
const dataSettingsSchema = seedLimitsSchema.extend({
  SEEDS_DIR: z.string().optional(),
  INTENTS_DIR: z.string().optional(),
});

export type DataSettings = z.infer<typeof dataSettingsSchema>;

/** The officers' desk (issue 14): questions the bot cannot answer, handed to a group of people. */
const officersSchema = {
  OFFICERS_CHAT_ID: z.coerce
    .number()
    .int()
    .negative("a group's id, negative, like -1001234567890")
    .optional(),
  HANDOVER_MAX_OPEN: positiveInt(3),
  HANDOVER_MAX_PER_HOUR: positiveInt(5),
  // Fractions allowed (0.5 is 30 seconds), so that tests need not wait minutes.
  HANDOVER_REMIND_MINUTES: z.coerce.number().positive().default(120),
};

/** Settings every run mode reads. */
const commonSchema = z.object({
  ...dataSettingsSchema.shape,
  ADMIN_IDS: z
    .string()
    .default("")
    .transform((s) => s.split(/[\s,]+/).filter(Boolean))
    .pipe(
      z
        .array(z.string().regex(/^\d+$/, "Telegram user ids separated by commas"))
        .transform((ids) => ids.map(Number)),
    ),
  DATA_DIR: z.string().default("data"),
  // Shared state for several instances; unset, it is kept in DATA_DIR for this process alone.
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "redis://[user:password@]host:port[/db]" })
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  RATE_LIMIT_PER_MINUTE: positiveInt(20),
  FOLLOW_UP_MINUTES: positiveInt(15),
  SHUTDOWN_GRACE_MS: positiveInt(10_000),
  FLOOD_WAIT_MAX_SECONDS: positiveInt(300),
  FLOOD_WAIT_MAX_HELD: positiveInt(100),
  // Read in every mode, used where there is a Telegram group to hand questions to.
  ...officersSchema,
  /** A link given to /tambah: how long to wait for the page, and the most bytes read of it. */
  LINK_TIMEOUT_MS: positiveInt(10_000),
  LINK_MAX_BYTES: positiveInt(5_000_000),
  /**
   * For tests only: lets /tambah fetch links on this machine (127.0.0.0/8, ::1), where the
   * tests serve their pages. Private and link-local addresses stay refused even then.
   */
  LINKS_ALLOW_LOOPBACK_FOR_TESTS: z.stringbool().default(false),
  /** An article being added that no one touched for this long is forgotten, unsaved. */
  ADD_IDLE_MINUTES: positiveInt(30),
  /** New-figure messages to subscribed chats per second: Telegram allows about 30. */
  BROADCAST_PER_SECOND: z.coerce.number().int().min(1).max(30).default(25),
});

/** Settings of a bot that talks to the Bot API, by polling or by webhook. */
const telegramSchema = commonSchema.extend({
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]+$/, "looks like 123456:ABC-DEF..., as @BotFather gives it"),
  TELEGRAM_API_ROOT: z.url().optional(),
});

const terminalSchema = commonSchema.extend({ mode: z.literal("terminal") });

const pollingSchema = telegramSchema.extend({
  mode: z.literal("polling"),
  // Polling opens no port of its own; an orchestrator's health check needs one.
  HEALTH_PORT: port(),
});

const webhookSchema = telegramSchema.extend({
  mode: z.literal("webhook"),
  WEBHOOK_URL: z.url(),
  WEBHOOK_SECRET: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? "required with WEBHOOK_URL, so that only Telegram can post updates"
          : undefined,
    })
    .regex(/^[\w-]{1,256}$/, "1-256 characters of A-Z, a-z, 0-9, _ and -"),
  PORT: port(8080),
});

/**
 * One schema per run mode, told apart by what is set: no BOT_TOKEN chats in the terminal,
 * a BOT_TOKEN polls, and a BOT_TOKEN with WEBHOOK_URL takes a webhook. Each mode then has
 * exactly the settings it needs, with no "maybe undefined" left for the code to doubt.
 */
export const configSchema = z.preprocess(
  (env) => {
    const e = env as Record<string, unknown>;
    const mode = !e.BOT_TOKEN ? "terminal" : e.WEBHOOK_URL ? "webhook" : "polling";
    return { ...e, mode };
  },
  z.discriminatedUnion("mode", [terminalSchema, pollingSchema, webhookSchema]),
);

export type Config = z.infer<typeof configSchema>;
export type TelegramConfig = Extract<Config, { mode: "polling" | "webhook" }>;
export type WebhookConfig = Extract<Config, { mode: "webhook" }>;
export type PollingConfig = Extract<Config, { mode: "polling" }>;

export class ConfigError extends Error {}

/** Reads the environment; an error names every variable that is wrong and why. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  return parseEnv(configSchema, env);
}

/** The data settings alone, for the command-line tools, which read no other variable. */
export function readDataSettings(env: NodeJS.ProcessEnv): DataSettings {
  return parseEnv(dataSettingsSchema, env);
}

function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(clean);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new ConfigError(`Konfigurasi tidak valid (lihat .env.example):\n${lines.join("\n")}`);
}
