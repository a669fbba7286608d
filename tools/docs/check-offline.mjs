#!/usr/bin/env node
// @ts-check
// Opens each built reference in headless Chromium with every request outside the file itself refused, and fails
// when a page asked for anything from elsewhere (a CDN logo, fonts, telemetry) or rendered nothing: the references
// must read the same on a machine with no network.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "../browser-run/chromium.mjs";
import { repoRoot } from "../published-packages.mjs";

const PAGES = ["docs/management.html", "docs/admin.html", "docs/sdk/index.html"];
/** What the renderer asks for and the page's policy refuses, with no loss: its footer's logo. */
const EXPECTED_BLOCKED = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];
/** Long enough for a reference's scripts to start, render and send whatever they send after loading. */
const SETTLE_MS = 1500;

const found = await findChromium();
const browser = await chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_ARGS });
let failed = false;
try {
  for (const page of PAGES) {
    const file = join(repoRoot, page);
    if (!existsSync(file)) {
      failed = true;
      console.error(`not ok ${page} was not built`);
      continue;
    }
    const tab = await browser.newPage();
    /** @type {string[]} */
    const outside = [];
    // The page's security policy stops some requests before they are made; the console still names them.
    tab.on("console", (message) => {
      const blocked = /^(?:Connecting to|Loading the \w+) '([^']+)' violates/.exec(message.text());
      if (blocked?.[1] && !EXPECTED_BLOCKED.includes(blocked[1])) outside.push(blocked[1]);
    });
    await tab.route("**/*", (route) => {
      const url = route.request().url();
      if (/^(file|data|blob):/.test(url)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await tab.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await tab.waitForTimeout(SETTLE_MS);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is the point; textContent counts hidden text.
    const rendered = await tab.evaluate(() => document.body.innerText.trim().length);
    await tab.close();
    if (outside.length > 0 || rendered === 0) {
      failed = true;
      const why = outside.length > 0 ? `asked for ${[...new Set(outside)].join(", ")}` : "rendered no text";
      console.error(`not ok ${page} ${why}`);
    } else {
      console.log(`ok ${page} reads offline (nothing requested from elsewhere)`);
    }
  }
} finally {
  await browser.close();
}
if (failed) process.exitCode = 1;
