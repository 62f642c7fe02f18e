import { config as loadDotenv } from "dotenv";
import { readConfig } from "../config";

/**
 * The image's HEALTHCHECK: asks the running bot's /healthz on the port its mode serves it
 * (PORT for a webhook, HEALTH_PORT for polling) and exits 0 when it is healthy. A plain
 * node script, since the slim image has no curl.
 */
loadDotenv({ quiet: true });
const config = readConfig(process.env);
const port =
  config.mode === "webhook"
    ? config.PORT
    : config.mode === "polling"
      ? config.HEALTH_PORT
      : undefined;
if (port === undefined) {
  console.error("no health endpoint: set HEALTH_PORT for polling, or run with a webhook");
  process.exit(1);
}
try {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, {
    signal: AbortSignal.timeout(4_000),
  });
  console.log(await res.text());
  process.exit(res.ok ? 0 : 1);
} catch (err) {
  console.error(`no answer on port ${port}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
