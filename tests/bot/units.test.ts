import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FollowUps } from "../../src/bot/follow-ups";
import { answerToHtml, escapeHtml, splitMessage } from "../../src/bot/html";
import { RateLimiter } from "../../src/bot/rate-limiter";
import { UnansweredLog } from "../../src/bot/unanswered-log";
import { UserHash } from "../../src/bot/user-hash";
import { createLogger } from "../../src/logger";
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
  it("answers up to the limit per minute, says so once, then stays quiet until the minute passes", () => {
    const limiter = new RateLimiter(3);
    const verdicts = [0, 1, 2, 3, 4].map((i) => limiter.check(7, i * 1000));
    expect(verdicts).toEqual(["ok", "ok", "ok", "warn", "silent"]);
    expect(limiter.check(8, 5000)).toBe("ok");
    expect(limiter.check(7, 61_000)).toBe("ok");
  });

  it("forgets a person's last question after the follow-up window", () => {
    const followUps = new FollowUps(15 * 60_000);
    const q = { intent: "statistic" } as Query;
    followUps.set("1:7", q, 0);
    expect(followUps.get("1:7", 14 * 60_000)).toBe(q);
    expect(followUps.get("1:7", 16 * 60_000)).toBeUndefined();
    expect(followUps.get("2:7", 1000)).toBeUndefined();
  });
});

describe("the log of unanswered questions", () => {
  it("keeps hashed users, no names, and the most frequent questions first", () => {
    const dir = mkdtempSync(join(tmpdir(), "unanswered-"));
    const logger = createLogger("silent");
    const log = new UnansweredLog({ dir, hash: new UserHash(dir, logger), logger });
    const at = new Date("2026-11-20T10:00:00Z");
    for (const q of ["ekspor umkm", "ekspor umkm", "umkm bali"])
      log.add({ at, chatType: "private", reason: "no_data", question: q, userId: 123456 });
    const line = readFileSync(join(dir, "unanswered.jsonl"), "utf8").split("\n")[0] ?? "";
    expect(line).not.toContain("123456");
    expect(JSON.parse(line).user).toMatch(/^[0-9a-f]{16}$/);
    expect(log.top(new Date("2026-11-15"))).toEqual([
      { question: "ekspor umkm", count: 2, reasons: ["no_data"] },
      { question: "umkm bali", count: 1, reasons: ["no_data"] },
    ]);
    expect(log.top(new Date("2026-11-21"))).toEqual([]);
  });

  it("rotates the file at its size cap and still reads both", () => {
    const dir = mkdtempSync(join(tmpdir(), "unanswered-"));
    const logger = createLogger("silent");
    const log = new UnansweredLog({
      dir,
      hash: new UserHash(dir, logger),
      logger,
      maxBytes: 2_000,
    });
    const at = new Date("2026-11-20T10:00:00Z");
    for (let i = 0; i < 30; i++)
      log.add({
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
    expect(readFileSync(join(dir, "unanswered.jsonl")).length).toBeLessThanOrEqual(2_000);
    expect(log.top(new Date("2026-11-01"))[0]?.count).toBeGreaterThan(1);
  });
});
