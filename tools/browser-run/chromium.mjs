// @ts-check
// Which Chromium the browser check drives: one installed on the system when there is one, else the build that the
// npm package @sparticuz/chromium ships inside itself (a headless shell for Linux x64), so that a machine with only
// Node and npm needs no browser download from anywhere but the npm registry.
// GRANTKIT_CHROMIUM overrides the choice: a path to a Chromium or Chrome binary, or `npm` for the packaged one.
import { existsSync } from "node:fs";

const SYSTEM_CHROMIUMS = [
  // Debian's binary itself, not the /usr/bin/chromium wrapper script, which prints shell errors on some machines.
  "/usr/lib/chromium/chromium",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** @returns {Promise<{ executablePath: string; source: string }>} */
export async function findChromium(choice = process.env.GRANTKIT_CHROMIUM) {
  if (choice && choice !== "npm") {
    if (!existsSync(choice)) throw new Error(`GRANTKIT_CHROMIUM is ${choice}, which does not exist`);
    return { executablePath: choice, source: "GRANTKIT_CHROMIUM" };
  }
  const installed = choice === "npm" ? undefined : SYSTEM_CHROMIUMS.find((path) => existsSync(path));
  if (installed) return { executablePath: installed, source: "the system's" };
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `No Chromium found (looked for ${SYSTEM_CHROMIUMS.join(", ")}), and the one from npm runs on Linux x64 only: ` +
        "install Chromium or Chrome, or set GRANTKIT_CHROMIUM to its binary",
    );
  }
  const { default: packaged } = await import("@sparticuz/chromium");
  // No WebGL is needed: this keeps the package from unpacking its software GL libraries too.
  packaged.setGraphicsMode = false;
  return { executablePath: await packaged.executablePath(), source: "@sparticuz/chromium's, from npm" };
}

/** Flags for a headless Chromium on a machine with no network but loopback, and as root in CI. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
