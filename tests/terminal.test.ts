import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/paths";
import { copyOfSeeds, fixtureEnv } from "./helpers/knowledge";

/** `npm start` with no BOT_TOKEN, as a newcomer runs it, fed through a pipe. */
function npmStart(input: string, env: Record<string, string> = {}) {
  return spawnSync("npm", ["start", "--silent"], {
    cwd: projectRoot(),
    input,
    encoding: "utf8",
    env: { ...fixtureEnv(), DATA_DIR: mkdtempSync(join(tmpdir(), "umkm-term-")), ...env },
    timeout: 60_000,
  });
}

describe("the terminal chat", () => {
  it("answers piped questions and exits, saying once that it runs without a token", () => {
    const run = npmStart("berapa UMKM go digital 2023?\njabar umkm ada brp\nkalau lampung?\n");
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("BOT_TOKEN tidak diisi");
    expect(run.stdout).toContain(
      "27 juta — UMKM go digital nasional, per 4 Desember 2023 (Bisnis.com, 4 Desember 2023)",
    );
    expect(run.stdout).toContain("4,6 juta — jumlah UMKM di Jawa Barat");
    expect(run.stdout).toContain("326.505 unit — jumlah UMKM di Lampung");
    expect(run.stdout).not.toContain("<b>");
  });

  it("runs every command, /reload included, and presses a button by its number", () => {
    const run = npmStart(
      "/sumber\n/data\n/reload\numkm jawa berapa\n1\nperkembangan umkm go digital\n",
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Bisnis.com, 4 Desember 2023");
    expect(run.stdout).toContain("Data yang ada");
    expect(run.stdout).toMatch(/Data dimuat ulang: \+0 fakta, -0, ~0/);
    expect(run.stdout).toContain("[1] Jawa Barat");
    expect(run.stdout).toContain("4,6 juta — jumlah UMKM di Jawa Barat");
    expect(run.stdout).toMatch(/\[grafik disimpan: .*umkm_go_digital-nasional\.png\]/);
  });

  it("adds an article and saves the table as CSV, as admins do in Telegram", () => {
    const seeds = copyOfSeeds();
    const run = npmStart(
      [
        "/tambah Denpasar (Kabar Dewata) - Dinas Koperasi dan UKM Provinsi Bali mencatat jumlah UMKM di Bali mencapai 412.345 unit per April 2024.",
        "1",
        "6 Mei 2024",
        "UMKM Bali bertambah",
        "1",
        "jumlah umkm bali",
        "/unduh bali",
      ].join("\n"),
      { SEEDS_DIR: seeds },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Usul: Kabar Dewata");
    expect(run.stdout).toContain("[1] 💾 Simpan");
    expect(run.stdout).toMatch(
      /Tersimpan sebagai 005_[0-9a-f]{16}\. Data dimuat ulang: \+1 artikel/,
    );
    expect(run.stdout).toContain("412.345 unit — jumlah UMKM di Bali");
    expect(run.stdout).toMatch(
      /\[berkas disimpan: .*fakta-umkm-\d{4}-\d{2}-\d{2}\.csv\]\n1 fakta dari 1 artikel \(Bali\)/,
    );
  });

  it("names the variable when the configuration is wrong", () => {
    const run = npmStart("", { RATE_LIMIT_PER_MINUTE: "delapan" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("RATE_LIMIT_PER_MINUTE:");
  });
});

describe("SIGHUP", () => {
  it("reloads the facts and logs the result, for deployments that update files", async () => {
    const root = projectRoot();
    expect(spawnSync("npm", ["run", "-s", "build"], { cwd: root }).status).toBe(0);
    const seeds = copyOfSeeds();
    const child = spawn(process.execPath, [join(root, "dist/src/main.js")], {
      env: {
        ...fixtureEnv(),
        SEEDS_DIR: seeds,
        LOG_LEVEL: "info",
        DATA_DIR: mkdtempSync(join(tmpdir(), "umkm-hup-")),
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
      expect(check()).toBe(true);
    };
    await until(() => stderr.includes("BOT_TOKEN tidak diisi"));
    writeFileSync(
      join(seeds, "articles", "005_kabar_bali.txt"),
      "---\noutlet: Kabar Bali\npublished: 2024-05-06\ntitle: UMKM Bali\n---\nDenpasar (Kabar Bali) - Jumlah UMKM di Bali mencapai 412.345 unit per April 2024.\n",
    );
    child.kill("SIGHUP");
    await until(() => stderr.includes("reloaded on SIGHUP"));
    expect(stderr).toContain("+1 artikel (Kabar Bali, 6 Mei 2024)");
    child.stdin.end("jumlah umkm bali berapa\n");
    await new Promise((r) => child.on("close", r));
    expect(stdout).toContain("412.345 unit — jumlah UMKM di Bali");
  });
});
