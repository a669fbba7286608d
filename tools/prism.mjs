// @ts-check
// Prism lifecycle: start `prism mock` (or `prism proxy`, its validation proxy) on a free loopback port from one of our
// specs, wait until it listens, and stop it (also when the parent process exits). Used by the tests, the demo and the
// consumer test.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const require = createRequire(import.meta.url);
const prismBin = join(require.resolve("@stoplight/prism-cli/package.json"), "..", "dist", "index.js");
const specsDir = fileURLToPath(new URL("../openapi/", import.meta.url));
const READY_TIMEOUT_MS = 60_000;

/** @typedef {"management" | "admin"} SpecName */

/**
 * The spec as Prism should serve it. Prism answers a request that breaks the spec with the operation's
 * documented 400 example when there is one; that canned body names the wrong problem. Without the 400s it answers
 * 422 with a `validation` array naming what really broke, which is what tests and the demo need to see.
 * @param {SpecName} name
 */
async function mockView(name) {
  const spec = parse(await readFile(join(specsDir, `${name}.yaml`), "utf8"));
  for (const pathItem of Object.values(spec.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (operation && typeof operation === "object" && "responses" in operation) delete operation.responses["400"];
    }
  }
  return spec;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Prism's mock on a free port from `openapi/<name>.yaml`.
 * @param {SpecName} name
 * @returns {Promise<import("./prism.d.mts").PrismMock>}
 */
export async function startPrism(name) {
  const dir = await mkdtemp(join(tmpdir(), `grantkit-prism-${name}-`));
  const specFile = join(dir, `${name}.json`);
  await writeFile(specFile, JSON.stringify(await mockView(name)));
  return startOnFreePort(name, ["mock", specFile], () => rm(dir, { recursive: true, force: true }));
}

/**
 * Starts Prism's validation proxy on a free port: it checks each request against `openapi/<name>.yaml`, sends it on
 * to `upstream` (the request's path appended to it), and checks the answer. With `--errors`, a request that breaks
 * the spec is refused with a 422 and never sent on; every violation, of a request or an answer, is also named in the
 * answer's `sl-violations` header.
 * @param {SpecName} name
 * @param {string} upstream
 * @returns {Promise<import("./prism.d.mts").PrismMock>}
 */
export function startPrismProxy(name, upstream) {
  return startOnFreePort(name, ["proxy", "--errors", join(specsDir, `${name}.yaml`), upstream], async () => {});
}

/**
 * Runs Prism with `args` on a free port; `cleanUp` runs once it has stopped, or failed to start. Another process can
 * take the port between our probe and Prism's listen; Prism then exits with EADDRINUSE, and it is started again on a
 * new port.
 * @param {SpecName} name @param {string[]} args @param {() => Promise<void>} cleanUp
 * @returns {Promise<import("./prism.d.mts").PrismMock>}
 */
async function startOnFreePort(name, args, cleanUp) {
  for (let tries = 1; ; tries++) {
    try {
      const mock = await listen(name, args, await freePort());
      return {
        url: mock.url,
        stop: async () => {
          await mock.stop();
          await cleanUp();
        },
      };
    } catch (error) {
      if (tries < 3 && error instanceof Error && error.message.includes("EADDRINUSE")) continue;
      await cleanUp();
      throw error;
    }
  }
}

/**
 * Runs Prism on `port` and resolves once it listens; rejects (with what Prism printed) if it exits first or does
 * not listen in time.
 * @param {SpecName} name
 * @param {string[]} args the command and its arguments: `["mock", specFile]`
 * @param {number} port
 */
async function listen(name, args, port) {
  const [command = "mock", ...rest] = args;
  const child = spawn(process.execPath, [prismBin, command, "--host", "127.0.0.1", "--port", String(port), ...rest], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  // The readiness line can arrive split across chunks: look in what came so far, keeping only a recent tail.
  let output = "";
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism (${name}) did not start within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    const onData = (/** @type {Buffer} */ chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
      if (output.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve(undefined);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Prism (${name}) exited with ${code} before listening:\n${output}`));
    });
  });

  async function stop() {
    process.removeListener("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const forced = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(forced);
    }
  }

  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}
