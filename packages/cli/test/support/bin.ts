import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The built bin: the end-to-end tests run what users install (turbo builds before it tests). */
const BIN = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

export interface BinRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `grantkit args` in `cwd` with exactly `env` (and PATH), for a test to wait for or kill. */
export function startBin(args: string[], env: Record<string, string>, cwd: string): { child: ChildProcess; done: Promise<BinRun> } {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build the package first (pnpm --filter @grantkit/cli build)`);
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<BinRun>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runBin(args: string[], env: Record<string, string>, cwd: string): Promise<BinRun> {
  return startBin(args, env, cwd).done;
}
