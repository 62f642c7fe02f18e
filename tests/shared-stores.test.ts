import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SharedHandoverStore } from "../src/bot/handover/shared-store";
import type { NewHandover } from "../src/bot/handover/store";
import { createLogger } from "../src/logger";
import { RedisStorage } from "../src/storage/redis";
import { SharedSubscriptions } from "../src/subscriptions/shared-subscriptions";
import {
  NO_REDIS_MESSAGE,
  REDIS_SERVER,
  type RedisServer,
  startRedis,
} from "./helpers/redis-server";

if (!REDIS_SERVER) console.warn(NO_REDIS_MESSAGE);

// Two instances of the bot behind one webhook: what one keeps for a person, the other must see.
describe.skipIf(!REDIS_SERVER)("handovers and subscriptions shared through Redis", () => {
  let redis: RedisServer;
  let one: RedisStorage;
  let two: RedisStorage;
  const now = () => new Date("2026-11-24T09:00:00Z");

  beforeAll(async () => {
    redis = await startRedis();
    const logger = createLogger("silent");
    [one, two] = [new RedisStorage(redis.url, logger), new RedisStorage(redis.url, logger)];
    // ioredis connects on its own; the first command waits for nothing while offline.
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  afterAll(async () => {
    await Promise.all([one.close(), two.close()]);
    await redis.stop();
  });

  it("lists a chat subscribed on one instance on the other, once", async () => {
    const [a, b] = [new SharedSubscriptions(one), new SharedSubscriptions(two)];
    expect(await a.add(-1001)).toBe(true);
    expect(await b.add(-1001)).toBe(false);
    expect(await b.list()).toEqual([-1001]);
    expect(await b.remove(-1001)).toBe(true);
    expect(await a.list()).toEqual([]);
  });

  it("numbers handovers made at once on two instances apart, and keeps one's change for the other", async () => {
    const [a, b] = [new SharedHandoverStore(one, now), new SharedHandoverStore(two, now)];
    const draft = (question: string): NewHandover => ({
      status: "open",
      question,
      botAnswer: "Belum ada data jumlah UMKM di Kota Tidore Kepulauan.",
      askerChatId: 77,
      questionMessageId: 5,
      createdAt: now().toISOString(),
    });
    const made = await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => a.add(draft(`umkm tidore ${i}`))),
      ...Array.from({ length: 5 }, (_, i) => b.add(draft(`umkm ternate ${i}`))),
    ]);
    expect(new Set(made.map((h) => h.id)).size).toBe(10);
    const first = made[0] as { id: number };
    await b.update(first.id, (h) => ({ ...h, status: "answered", closedAt: now().toISOString() }));
    expect((await a.get(first.id))?.status).toBe("answered");
    expect(await a.list()).toHaveLength(10);
  });
});
