/**
 * A worker thread's first code: imports the worker module (workerData.script) and runs its
 * entry (workerData.entry, else serve). Whatever goes wrong loading it is a reply too, so a
 * caller never waits for a worker that could not start.
 */
export const BOOT = `
const { workerData } = require("node:worker_threads");
import(workerData.script)
  .then((m) => m[workerData.entry || "serve"](workerData))
  .catch((e) => {
    workerData.port.postMessage({ ok: false, error: { message: String((e && e.message) || e) } });
    workerData.port.close();
    if (workerData.signal) {
      Atomics.store(workerData.signal, 0, 1);
      Atomics.notify(workerData.signal, 0);
    }
  });
`;
