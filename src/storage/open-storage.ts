import type { Config } from "../config";
import type { Logger } from "../logger";
import { EmbeddedStorage } from "./embedded";
import { RedisStorage } from "./redis";
import type { Storage } from "./storage";

/** Redis when REDIS_URL is set, so instances share; otherwise files in DATA_DIR. */
export function openStorage(config: Config, logger: Logger): Storage {
  return config.REDIS_URL
    ? new RedisStorage(config.REDIS_URL, logger)
    : new EmbeddedStorage({ dir: config.DATA_DIR, logger });
}
