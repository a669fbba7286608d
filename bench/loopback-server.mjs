// @ts-check
// Starts server.mjs, the loopback Management API stand-in, in its own process (on a 2-core machine, its own core).
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Forks server.mjs and resolves once it listens. It stops by itself after `seconds`, or when `stop()` disconnects.
 * @param {number} seconds @returns {Promise<{ origin: string, stop: () => void }>}
 */
export function startLoopbackServer(seconds) {
  const child = fork(fileURLToPath(new URL("./server.mjs", import.meta.url)), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, BENCH_SERVER_MAX_SECONDS: String(seconds) },
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench server exited early (${code})`)));
    child.once("message", (message) => {
      const { port } = /** @type {{ port: number }} */ (message);
      resolve({ origin: `http://127.0.0.1:${port}`, stop: () => child.disconnect() });
    });
  });
}
