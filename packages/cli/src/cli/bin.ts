#!/usr/bin/env node
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createInterface } from "node:readline/promises";
import { main } from "./main.js";

// dist/bin.js sits beside the package's manifest, one level down.
const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
  ask: async (question) => {
    const terminal = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await terminal.question(question);
    } finally {
      terminal.close();
    }
  },
  readText: (path) => readFile(path, "utf8"),
  writeText: (path, text) => writeFile(path, text),
  version,
});
