import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * What GET /metrics shows, in Prometheus' text format. Labels are outcomes, types and error
 * codes only: never a token, a user id or a question. One registry per bot, not prom-client's
 * global one, so that tests may run several bots in one process.
 */
export function createMetrics(storageUp: () => boolean) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  new Gauge({
    name: "umkm_storage_up",
    help: "1 while the storage (Redis, or DATA_DIR) works; 0 while answering without it",
    registers,
    collect() {
      this.set(storageUp() ? 1 : 0);
    },
  });
  return {
    registry,
    questions: new Counter({
      name: "umkm_questions_total",
      help: "Questions answered, by outcome (answered, no_data, out_of_scope, ambiguous, ...)",
      labelNames: ["outcome"],
      registers,
    }),
    answerSeconds: new Histogram({
      name: "umkm_answer_seconds",
      help: "Time to work out an answer, Telegram calls not included",
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
    updates: new Counter({
      name: "umkm_updates_total",
      help: "Updates received, by type (message, callback_query, inline_query, ...)",
      labelNames: ["type"],
      registers,
    }),
    reloads: new Counter({
      name: "umkm_reloads_total",
      help: "Reloads of the fact table, by result (ok, failed)",
      labelNames: ["result"],
      registers,
    }),
    apiErrors: new Counter({
      name: "umkm_bot_api_errors_total",
      help: "Bot API calls that failed, by error code (429, 400, ...; network when unreachable)",
      labelNames: ["code"],
      registers,
    }),
    rateLimited: new Counter({
      name: "umkm_rate_limited_users_total",
      help: "People told to slow down (each at most once a minute)",
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
