import { z } from "zod";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** What one article may hold; news articles are a few kilobytes with a handful of figures. */
export const seedLimitsSchema = z.object({
  MAX_ARTICLE_BYTES: positiveInt(2_000_000),
  MAX_FACTS_PER_ARTICLE: positiveInt(1_000),
});

export type SeedLimits = z.infer<typeof seedLimitsSchema>;

export const configSchema = z
  .object({
    ...seedLimitsSchema.shape,
    BOT_TOKEN: z
      .string()
      .regex(/^\d+:[\w-]+$/, "looks like 123456:ABC-DEF..., as @BotFather gives it")
      .optional(),
    WEBHOOK_URL: z.url().optional(),
    WEBHOOK_SECRET: z
      .string()
      .regex(/^[\w-]{1,256}$/, "1-256 characters of A-Z, a-z, 0-9, _ and -")
      .optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    TELEGRAM_API_ROOT: z.url().optional(),
    ADMIN_IDS: z
      .string()
      .default("")
      .transform((s) => s.split(/[\s,]+/).filter(Boolean))
      .pipe(
        z
          .array(z.string().regex(/^\d+$/, "Telegram user ids separated by commas"))
          .transform((ids) => ids.map(Number)),
      ),
    SEEDS_DIR: z.string().optional(),
    INTENTS_DIR: z.string().optional(),
    DATA_DIR: z.string().default("data"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    RATE_LIMIT_PER_MINUTE: positiveInt(20),
    FOLLOW_UP_MINUTES: positiveInt(15),
    SHUTDOWN_GRACE_MS: positiveInt(10_000),
    FLOOD_WAIT_MAX_SECONDS: positiveInt(300),
    FLOOD_WAIT_MAX_HELD: positiveInt(100),
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
  })
  .refine((c) => !c.WEBHOOK_URL || c.WEBHOOK_SECRET, {
    path: ["WEBHOOK_SECRET"],
    message: "required with WEBHOOK_URL, so that only Telegram can post updates",
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads the environment; an error names every variable that is wrong and why. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  return parseEnv(configSchema, env);
}

/** The limits alone, for the command-line tools, which read no other variable. */
export function readSeedLimits(env: NodeJS.ProcessEnv): SeedLimits {
  return parseEnv(seedLimitsSchema, env);
}

function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(clean);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new ConfigError(`Konfigurasi tidak valid (lihat .env.example):\n${lines.join("\n")}`);
}
