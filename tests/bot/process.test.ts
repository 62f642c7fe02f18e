import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/server";
import { fixtureEnv } from "../helpers/knowledge";
import { OFFICER, PRIVATE } from "./harness";

describe("npm start with a BOT_TOKEN, as a process", () => {
  let fake: FakeTelegram;
  beforeAll(async () => {
    expect(spawnSync("npm", ["run", "-s", "build"], { cwd: projectRoot() }).status).toBe(0);
    fake = await startFakeTelegram();
  });
  afterAll(() => fake.close());

  it("polls, answers, stops gracefully on SIGTERM, and never logs its token", async () => {
    const child = spawn(process.execPath, [join(projectRoot(), "dist/src/main.js")], {
      env: {
        ...fixtureEnv(),
        BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        LOG_LEVEL: "debug",
        DATA_DIR: mkdtempSync(join(tmpdir(), "umkm-proc-")),
      },
    });
    let logs = "";
    child.stderr.on("data", (d) => {
      logs += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    await fake.waitForCall("setMyCommands", undefined, 10_000);
    const since = fake.calls.length;
    fake.sendText({ chat: PRIVATE, from: OFFICER, text: "jabar umkm ada brp" });
    const reply = await fake.waitForCall("sendMessage", undefined, 10_000, since);
    expect(String(reply.params.text)).toContain("4,6 juta");
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(logs).toContain('"intent":"statistic"');
    expect(logs).toContain('"outcome":"answered"');
    expect(logs).not.toContain(fake.token.split(":")[1]);
  });
});
