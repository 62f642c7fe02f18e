import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTelegram } from "../../packages/fake-telegram";
import { projectRoot } from "../../src/paths";
import type { Health } from "../../src/run/ops/health";
import {
  freePort,
  nextReply,
  OFFICER,
  PRIVATE,
  type Running,
  startBot,
  startProcess,
  waitForStderr,
} from "./harness";

describe("/healthz and /metrics on the webhook's server", () => {
  let r: Running;
  let base: string;
  beforeAll(async () => {
    r = await startBot({ mode: "webhook" });
    const set = await r.fake.waitForCall("setWebhook");
    base = new URL(String(set.params.url)).origin;
  });
  afterAll(() => r.stop());

  it("is healthy with the table loaded and the Bot API answering, unhealthy when it has gone quiet", async () => {
    const ok = await fetch(`${base}/healthz`);
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body).toEqual({
      status: "ok",
      facts: r.services.store.current.table.facts.length,
      articles: 5,
      lastReload: null,
      uptimeSeconds: expect.any(Number),
      botApiSecondsAgo: expect.any(Number),
      storage: { kind: "embedded", up: true },
    });
    const contact = r.services.apiContact.lastAt;
    r.services.apiContact.lastAt = new Date(Date.now() - 121_000);
    const quiet = await fetch(`${base}/healthz`);
    r.services.apiContact.lastAt = contact;
    expect(quiet.status).toBe(503);
    expect(((await quiet.json()) as Health).status).toBe("unhealthy");
  });

  it("counts questions, latency, updates and Bot API errors by code, naming no one", async () => {
    // An id as long as real ones: a short one could turn up inside any metric's value.
    const ASKER = 7_304_518_226;
    r.fake.injectFault("sendMessage", { kind: "429", retryAfter: 1 });
    const since = r.fake.calls.length;
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "warm-up" });
    const set = await r.fake.waitForCall("setWebhook");
    await r.fake.deliverWebhook(
      String(set.params.url),
      {
        message: {
          message_id: 5,
          date: 1,
          chat: { id: ASKER, type: "private", first_name: "Sari" },
          from: { id: ASKER, is_bot: false, first_name: "Sari" },
          text: "jumlah koperasi di papua",
        },
      },
      "rahasia-123",
    );
    await nextReply(r.fake, ASKER, since);
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/^umkm_questions_total\{outcome="no_data"\} 1$/m);
    expect(text).toMatch(/^umkm_answer_seconds_count 1$/m);
    expect(text).toMatch(/^umkm_updates_total\{type="message"\} 1$/m);
    expect(text).toMatch(/^umkm_bot_api_errors_total\{code="429"\} 1$/m);
    expect(text).toMatch(/^umkm_storage_up 1$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    for (const secret of [r.fake.token.split(":")[1] as string, String(ASKER), "papua"])
      expect(text).not.toContain(secret);
  });

  it("refuses anything else", async () => {
    expect((await fetch(`${base}/status`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: "POST" })).status).toBe(404);
  });
});

describe("the default storage, in DATA_DIR, across a restart", () => {
  beforeAll(() => {
    expect(spawnSync("npm", ["run", "-s", "build"], { cwd: projectRoot() }).status).toBe(0);
  });

  it("keeps the conversation, and polling serves /healthz on HEALTH_PORT", async () => {
    const fake = await startFakeTelegram();
    const dataDir = mkdtempSync(join(tmpdir(), "umkm-restart-"));
    const healthPort = await freePort();
    const env = {
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATA_DIR: dataDir,
      HEALTH_PORT: String(healthPort),
    };
    try {
      const first = startProcess(env);
      await waitForStderr(first, /"msg":"polling"/);
      const health = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as Health).storage).toEqual({ kind: "embedded", up: true });
      let since = fake.calls.length;
      fake.sendText({
        chat: PRIVATE,
        from: OFFICER,
        text: "brp persen umkm lampung yg udh digital",
      });
      expect(
        String((await fake.waitForCall("sendMessage", undefined, 10_000, since)).params.text),
      ).toMatch(/^<b>70 persen/);
      first.child.kill("SIGTERM");
      expect(await first.exited).toBe(0);
      expect(readFileSync(join(dataDir, "state.json"), "utf8")).toContain("followup:");

      const second = startProcess(env);
      await waitForStderr(second, /"msg":"polling"/);
      since = fake.calls.length;
      fake.sendText({ chat: PRIVATE, from: OFFICER, text: "kalau Jawa Barat?" });
      expect(
        String((await fake.waitForCall("sendMessage", undefined, 10_000, since)).params.text),
      ).toMatch(/^<b>21 persen — persentase UMKM yang sudah go digital di Jawa Barat/);
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    } finally {
      await fake.close();
    }
  }, 30_000);
});
