import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerToHtml, escapeHtml, splitMessage } from "../../src/bot/html";
import { LastQuestions } from "../../src/bot/last-questions";
import { RateLimiter } from "../../src/bot/rate-limiter";
import { UnansweredLog } from "../../src/bot/unanswered-log";
import { UserHash } from "../../src/bot/user-hash";
import { createLogger } from "../../src/logger";
import { EmbeddedStorage } from "../../src/storage/embedded";
import type { Query } from "../../src/understand/query";

describe("messages for Telegram", () => {
  it("escapes user and article text for HTML", () => {
    expect(escapeHtml(`<b>"UMKM" & Co</b>`)).toBe("&lt;b&gt;&quot;UMKM&quot; &amp; Co&lt;/b&gt;");
  });

  it("bolds the headline only, escaped", () => {
    expect(answerToHtml("27 juta <x>\nSumber: A & B")).toEqual([
      "<b>27 juta &lt;x&gt;</b>\nSumber: A &amp; B",
    ]);
  });

  it("splits text over the limit at line breaks, and a single long line at spaces", () => {
    const lines = Array.from({ length: 300 }, (_, i) => `• baris ${i} ${"x".repeat(20)}`);
    const pieces = splitMessage(lines.join("\n"));
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(4096);
    expect(pieces.join("\n")).toBe(lines.join("\n"));
    const long = splitMessage("kata ".repeat(2000).trim());
    for (const p of long) expect(p.length).toBeLessThanOrEqual(4096);
    expect(long.join(" ")).toBe("kata ".repeat(2000).trim());
  });
});

describe("per-person limits and memory", () => {
  const logger = createLogger("silent");
  const storage = () =>
    new EmbeddedStorage({ dir: mkdtempSync(join(tmpdir(), "storage-")), logger });

  it("answers up to the limit per minute, says so once, then stays quiet until the minute passes", async () => {
    const limiter = new RateLimiter(storage(), 3);
    const verdicts = [];
    for (const i of [0, 1, 2, 3, 4]) verdicts.push(await limiter.check(7, i * 1000));
    expect(verdicts).toEqual(["ok", "ok", "ok", "warn", "silent"]);
    expect(await limiter.check(8, 5000)).toBe("ok");
    expect(await limiter.check(7, 61_000)).toBe("ok");
  });

  it("forgets a person's last question after the follow-up window", async () => {
    let now = 0;
    const dir = mkdtempSync(join(tmpdir(), "storage-"));
    const lastQuestions = new LastQuestions(
      new EmbeddedStorage({ dir, logger, now: () => now }),
      15 * 60_000,
    );
    const q = { intent: "statistic" } as Query;
    await lastQuestions.set(1, 7, q);
    now = 14 * 60_000;
    expect(await lastQuestions.get(1, 7)).toEqual(q);
    expect(await lastQuestions.get(2, 7)).toBeUndefined();
    now = 16 * 60_000;
    expect(await lastQuestions.get(1, 7)).toBeUndefined();
  });
});

describe("the embedded storage", () => {
  const logger = createLogger("silent");

  it("keeps values across a restart, written atomically, and drops the expired", async () => {
    let now = 1_000;
    const dir = mkdtempSync(join(tmpdir(), "storage-"));
    const first = new EmbeddedStorage({ dir, logger, now: () => now });
    await first.set("followup:1:7", { intent: "statistic" }, 60_000);
    await first.set("choice:ab", { intent: "trend" }, 1_000);
    await first.close();
    expect(readdirSync(dir)).toEqual(["state.json"]);
    expect(statSync(join(dir, "state.json")).mode & 0o777).toBe(0o600);
    now = 30_000;
    const second = new EmbeddedStorage({ dir, logger, now: () => now });
    expect(await second.get("followup:1:7")).toEqual({ intent: "statistic" });
    expect(await second.get("choice:ab")).toBeUndefined();
    await second.close();
  });

  it("bounds its values, oldest first, and a value is a copy", async () => {
    const dir = mkdtempSync(join(tmpdir(), "storage-"));
    const s = new EmbeddedStorage({ dir, logger, maxKeys: 3 });
    const value = { n: 0 };
    for (let i = 0; i < 5; i++) await s.set(`k:${i}`, { n: i }, 60_000);
    await s.set("k:mine", value, 60_000);
    value.n = 99;
    expect(s.size).toBe(3);
    expect(await s.get("k:0")).toBeUndefined();
    expect(await s.get("k:mine")).toEqual({ n: 0 });
    expect(await s.setIfAbsent("k:mine", 1, 60_000)).toBe(false);
    expect(await s.setIfAbsent("k:new", 1, 60_000)).toBe(true);
    await s.close();
  });
});

describe("the log of unanswered questions", () => {
  const open = (dir: string, maxEntries?: number) => {
    const logger = createLogger("silent");
    const storage = new EmbeddedStorage({ dir, logger });
    return new UnansweredLog({ storage, hash: new UserHash(dir, logger), maxEntries });
  };

  it("keeps hashed users, no names, and the most frequent questions first", async () => {
    const dir = mkdtempSync(join(tmpdir(), "unanswered-"));
    const log = open(dir);
    const at = new Date("2026-11-20T10:00:00Z");
    for (const q of ["ekspor umkm", "ekspor umkm", "umkm bali"])
      await log.add({ at, chatType: "private", reason: "no_data", question: q, userId: 123456 });
    const line = readFileSync(join(dir, "unanswered.jsonl"), "utf8").split("\n")[0] ?? "";
    expect(line).not.toContain("123456");
    expect(JSON.parse(line).user).toMatch(/^[0-9a-f]{16}$/);
    expect(await log.top(new Date("2026-11-15"))).toEqual([
      { question: "ekspor umkm", count: 2, reasons: ["no_data"] },
      { question: "umkm bali", count: 1, reasons: ["no_data"] },
    ]);
    expect(await log.top(new Date("2026-11-21"))).toEqual([]);
  });

  it("rotates the file at its cap and still reads both", async () => {
    const dir = mkdtempSync(join(tmpdir(), "unanswered-"));
    const log = open(dir, 10);
    const at = new Date("2026-11-20T10:00:00Z");
    for (let i = 0; i < 30; i++)
      await log.add({
        at,
        chatType: "group",
        reason: "out_of_scope",
        question: `pertanyaan ${i % 3}`,
        userId: i,
      });
    expect(readdirSync(dir).sort()).toEqual([
      "unanswered.1.jsonl",
      "unanswered.jsonl",
      "user-hash.key",
    ]);
    const lines = readFileSync(join(dir, "unanswered.jsonl"), "utf8").trim().split("\n");
    expect(lines.length).toBeLessThanOrEqual(10);
    expect((await log.top(new Date("2026-11-01")))[0]?.count).toBeGreaterThan(1);
  });
});
