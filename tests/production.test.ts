import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../packages/fake-telegram";
import { projectRoot } from "../src/paths";
import { freePort, OFFICER, PRIVATE, startProcess, waitForStderr } from "./bot/harness";

/*
 * What the Dockerfile does, in a temporary folder: the build stage's node_modules (linked,
 * not copied: it is large) pruned of dev dependencies, the built dist/, package.json, seeds/
 * and intents/. A dev dependency imported at run time fails here as it would in the image.
 */

const root = projectRoot();
const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");

describe("the production image's steps", () => {
  let fake: FakeTelegram;
  let image: string;
  beforeAll(async () => {
    expect(spawnSync("npm", ["run", "-s", "build"], { cwd: root }).status).toBe(0);
    image = mkdtempSync(join(tmpdir(), "umkm-image-"));
    // The run stage's COPY lines.
    for (const path of [
      "package.json",
      "package-lock.json",
      "node_modules",
      "dist",
      "seeds",
      "intents",
    ])
      expect(dockerfile).toMatch(new RegExp(`^COPY .*${path}`, "m"));
    expect(spawnSync("cp", ["-al", join(root, "node_modules"), image]).status).toBe(0);
    for (const path of ["package.json", "package-lock.json", "dist", "seeds", "intents"])
      cpSync(join(root, path), join(image, path), { recursive: true });
    expect(dockerfile).toContain("npm prune --omit=dev --no-audit --no-fund");
    // Offline: pruning needs nothing from the registry, and tests reach no network.
    const prune = spawnSync(
      "npm",
      ["prune", "--omit=dev", "--no-audit", "--no-fund", "--offline"],
      {
        cwd: image,
        encoding: "utf8",
      },
    );
    expect(prune.status, prune.stderr).toBe(0);
    fake = await startFakeTelegram();
  }, 60_000);
  afterAll(() => fake?.close());

  it("has no dev dependency installed", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    for (const dev of Object.keys(pkg.devDependencies))
      expect(existsSync(join(image, "node_modules", dev)), dev).toBe(false);
    for (const dep of Object.keys(pkg.dependencies))
      expect(existsSync(join(image, "node_modules", dep)), dep).toBe(true);
  });

  it("starts with node dist/src/main.js, answers a question, is healthy, and stops on SIGTERM", async () => {
    // The image's one start command (a second CMD would silently replace the first).
    expect(dockerfile.match(/^CMD .*/gm)).toEqual(['CMD ["node", "dist/src/main.js"]']);
    const healthPort = await freePort();
    const env = {
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      HEALTH_PORT: String(healthPort),
      DATA_DIR: join(image, "data"),
      // The image's own articles, not the tests' fixtures.
      SEEDS_DIR: join(image, "seeds"),
    };
    const bot = startProcess(env, image);
    await waitForStderr(bot, /"msg":"polling"/);
    const since = fake.calls.length;
    fake.sendText({ chat: PRIVATE, from: OFFICER, text: "berapa UMKM go digital 2023?" });
    const reply = await fake.waitForCall("sendMessage", undefined, 10_000, since);
    expect(reply.status).toBe(200);
    expect(String(reply.params.text)).toMatch(/^<b>[\d.,]+ (juta|ribu)/);
    await waitForStderr(bot, /"outcome":"answered"/);

    const check = spawnSync(process.execPath, ["dist/src/cli/healthcheck.js"], {
      cwd: image,
      env: { PATH: process.env.PATH, ...env },
      encoding: "utf8",
    });
    expect(check.status, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ status: "ok", storage: { kind: "embedded" } });

    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  });
});
