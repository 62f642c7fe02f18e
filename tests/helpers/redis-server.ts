import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { freePort } from "../bot/harness";

/**
 * The path of `redis-server` (the Debian package; .ci/run installs it), or undefined when
 * this machine has none: the tests that need it then skip, saying why.
 */
export const REDIS_SERVER: string | undefined = (() => {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
})();

export const NO_REDIS_MESSAGE =
  "redis-server not found: the Redis tests are skipped. Install it (apt-get install redis-server); .ci/run does.";

export type RedisServer = {
  port: number;
  url: string;
  /** Stops it like a crash (SIGKILL): whatever it held is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

/** A real redis-server on a free loopback port, keeping nothing on disk. */
export async function startRedis(): Promise<RedisServer> {
  if (!REDIS_SERVER) throw new Error(NO_REDIS_MESSAGE);
  const binary = REDIS_SERVER;
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly"];
    const c = spawn(binary, [...args, "no"], { stdio: ["ignore", "pipe", "pipe"] });
    child = c;
    let out = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`redis-server did not start:\n${out}`)),
        10_000,
      );
      c.stdout?.on("data", (d) => {
        out += d;
        if (out.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      c.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${out}`));
      });
    });
  };
  const end = async (signal: NodeJS.Signals) => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once("exit", resolve));
    c.kill(signal);
    await exited;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill: () => end("SIGKILL"),
    restart: start,
    stop: () => end("SIGTERM"),
  };
}
