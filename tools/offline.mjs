import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "/work/wt-dx/tools/browser-run/chromium.mjs";
const found = await findChromium();
const browser = await chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_ARGS });
for (const file of process.argv.slice(2)) {
  const page = await browser.newPage();
  const requests = [], logs = [];
  page.on("console", (m) => logs.push(m.type() + ": " + m.text()));
  page.on("pageerror", (e) => logs.push("pageerror: " + e.message));
  await page.route("**/*", (route) => { const u = route.request().url(); if (!u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("blob:")) { requests.push(u); return route.abort(); } return route.continue(); });
  await page.goto("file://" + file, { waitUntil: "networkidle" });
  await page.waitForTimeout(1000);
  const text = await page.evaluate(() => document.body.innerText.slice(0, 300));
  await page.keyboard.press("Control+k"); await page.keyboard.type("organization"); await page.waitForTimeout(800);
  await page.waitForTimeout(500);
  await page.screenshot({ path: "/tmp/shot.png" });
  console.log(file, requests, logs, JSON.stringify(text));
  await page.close();
}
await browser.close();
