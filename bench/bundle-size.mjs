// @ts-check
// The one-call bundle: what a user ships for one `clientGrants.list` call (programs/*.mjs), measured the way
// `pnpm check:size` measures the budgets in .size-limit.json: size-limit's small-lib preset (esbuild: bundle,
// minify, tree-shake, its default browser target), gzip level 9, size-limit's empty-bundle overhead subtracted.
// kB here are 1000 bytes, as size-limit prints them.
import { fileURLToPath } from "node:url";
import sizeLimit from "size-limit";
import smallLib from "@size-limit/preset-small-lib";
import { readSettings } from "./settings.mjs";
import { fixed, markdownTable, times } from "./table.mjs";

const settings = readSettings();
const PROGRAMS = [
  { id: "openapi-fetch", label: "openapi-fetch alone" },
  { id: "auth0", label: "auth0 ManagementClient" },
  { id: "grantkit", label: "@grantkit/client" },
].filter(({ id }) => settings.contenders.includes(id));
/** The issue-9 budget for grantkit's one-call bundle, in bytes. */
const TARGET_BYTES = 5500;

/** @param {string} id @param {{ gzip: boolean }} how */
async function sizeOf(id, { gzip }) {
  const file = fileURLToPath(new URL(`./programs/${id}.mjs`, import.meta.url));
  const results = /** @type {{ size?: number }[]} */ (await sizeLimit(smallLib, { checks: [{ files: [file], gzip, brotli: false }] }));
  const [result] = results;
  if (typeof result?.size !== "number") throw new Error(`size-limit measured nothing for ${file}`);
  return result.size;
}

const kB = (/** @type {number} */ bytes) => `${fixed(bytes / 1000, 2)} kB`;
/** @type {Record<string, { minified: number, gzipped: number }>} */
const sizes = {};
for (const { id } of PROGRAMS) sizes[id] = { minified: await sizeOf(id, { gzip: false }), gzipped: await sizeOf(id, { gzip: true }) };

console.log(`\n## One-call bundle (one clientGrants.list; size-limit small-lib preset, as pnpm check:size)\n`);
console.log(
  markdownTable(
    ["one-call program", "minified", "min + gzip", ...(sizes.grantkit ? ["vs grantkit"] : [])],
    PROGRAMS.map(({ id, label }) => [
      label,
      kB(sizes[id].minified),
      kB(sizes[id].gzipped),
      ...(sizes.grantkit ? [times(sizes[id].gzipped / sizes.grantkit.gzipped)] : []),
    ]),
  ),
);
if (sizes.grantkit) {
  const within = sizes.grantkit.gzipped <= TARGET_BYTES;
  console.log(`\nTarget: grantkit at most ${kB(TARGET_BYTES)} min + gzip: ${within ? "yes" : "no"} (${kB(sizes.grantkit.gzipped)}).`);
}
