import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../../packages/fake-telegram";
import { projectRoot } from "../../src/paths";
import { OFFICER, PRIVATE, startProcess } from "./harness";

describe("npm start with a BOT_TOKEN, as a process", () => {
  let fake: FakeTelegram;
  beforeAll(async () => {
    expect(spawnSync("npm", ["run", "-s", "build"], { cwd: projectRoot() }).status).toBe(0);
    fake = await startFakeTelegram();
  });
  afterAll(() => fake.close());

  // startProcess fails the test if standard error ever carries the token.
  it("polls, answers, stops gracefully on SIGTERM, and never logs its token", async () => {
    const bot = startProcess({
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      LOG_LEVEL: "debug",
    });
    await fake.waitForCall("setMyCommands", undefined, 10_000);
    const since = fake.calls.length;
    fake.sendText({ chat: PRIVATE, from: OFFICER, text: "jabar umkm ada brp" });
    const reply = await fake.waitForCall("sendMessage", undefined, 10_000, since);
    expect(String(reply.params.text)).toContain("4,6 juta");
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).toContain('"intent":"statistic"');
    expect(bot.stderr()).toContain('"outcome":"answered"');
  });
});
