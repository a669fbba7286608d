// Footprint (a report, not a benchmark):
//
// 1. Bundle size of a one-call program for each SDK: esbuild (pinned in package.json) bundles it for
//    platform node, ESM, minified, tree-shaken; the output is then gzipped (level 9) in memory. Nothing is written.
// 2. Install size: the SDK package plus every production dependency it pulls in, each counted once, as unpacked
//    on disk (files of the package, not its own node_modules). A workspace package counts what it would publish
//    (package.json, README/LICENSE if any, and its `files`).
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, basename } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = dirname(here);

const PROGRAMS = [
  {
    name: "@grantkit/client",
    code: `import { createManagementClient } from "@grantkit/client";
const client = createManagementClient({ domain: process.env.AUTH0_DOMAIN, token: process.env.AUTH0_TOKEN });
console.log(await client.clientGrants.get(process.argv[2]));`,
  },
  {
    name: "auth0 ManagementClient",
    code: `import { ManagementClient } from "auth0";
const management = new ManagementClient({ domain: process.env.AUTH0_DOMAIN, token: process.env.AUTH0_TOKEN });
console.log(await management.clientGrants.get(process.argv[2]));`,
  },
  {
    // The README's "smaller bundles" route: one resource's entry point, auth from auth0/management.
    name: "auth0 sub-client",
    code: `import { createManagementAuth } from "auth0/management";
import { ClientGrantsClient } from "auth0/clientGrants";
const auth = createManagementAuth({ domain: process.env.AUTH0_DOMAIN, token: process.env.AUTH0_TOKEN });
const clientGrants = new ClientGrantsClient(auth.clientOptions);
console.log(await clientGrants.get(process.argv[2]));`,
  },
];

/** The package a bundled input path belongs to, for the "largest contributors" column. */
function packageOf(inputPath) {
  const at = inputPath.lastIndexOf("node_modules/");
  if (at === -1) return /(^|\/)dist\//.test(inputPath) ? "@grantkit/client (dist)" : "(the program)";
  const parts = inputPath.slice(at + "node_modules/".length).split("/");
  return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

async function bundle({ code }) {
  const result = await esbuild.build({
    stdin: { contents: code, resolveDir: here, loader: "js", sourcefile: "program.mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify: true,
    treeShaking: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const output = result.outputFiles[0].contents;
  const [meta] = Object.values(result.metafile.outputs);
  const byPackage = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(meta.inputs)) {
    const name = packageOf(input);
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  return {
    minified: output.length,
    gzipped: gzipSync(output, { level: 9 }).length,
    modules: Object.keys(meta.inputs).length,
    top: [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 3),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Install size.

function findPackage(fromDir, name) {
  // Node's lookup: <dir>/node_modules/<name> for every ancestor that is not itself a node_modules folder.
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (basename(dir) !== "node_modules") {
      const candidate = join(dir, "node_modules", name);
      if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function treeSize(path, skipNodeModules = true) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { bytes: stat.size, files: 1 };
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(path)) {
    if (skipNodeModules && entry === "node_modules") continue;
    const sub = treeSize(join(path, entry), skipNodeModules);
    bytes += sub.bytes;
    files += sub.files;
  }
  return { bytes, files };
}

function publishedSize(dir, manifest) {
  const isWorkspace = !dir.split("/").includes("node_modules");
  if (!isWorkspace) return treeSize(dir);
  const paths = ["package.json", ...(manifest.files ?? [])];
  for (const entry of readdirSync(dir)) if (/^(readme|license|licence)/i.test(entry)) paths.push(entry);
  let bytes = 0;
  let files = 0;
  for (const path of paths) {
    if (!existsSync(join(dir, path))) continue;
    const sub = treeSize(join(dir, path));
    bytes += sub.bytes;
    files += sub.files;
  }
  return { bytes, files };
}

function installSize(rootDir) {
  const seen = new Map();
  const queue = [rootDir];
  while (queue.length) {
    const dir = queue.pop();
    if (seen.has(dir)) continue;
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    seen.set(dir, { name: `${manifest.name}@${manifest.version}`, ...publishedSize(dir, manifest) });
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const found = findPackage(dir, dep);
      if (found) queue.push(found);
      else if (!manifest.optionalDependencies?.[dep]) throw new Error(`${manifest.name}: dependency ${dep} not found`);
    }
  }
  const packages = [...seen.values()];
  return {
    packages: packages.length,
    bytes: packages.reduce((sum, p) => sum + p.bytes, 0),
    files: packages.reduce((sum, p) => sum + p.files, 0),
    names: packages.map((p) => p.name),
  };
}

// ---------------------------------------------------------------------------------------------------------------

console.log(`\n# Footprint (esbuild ${esbuild.version}: bundle, platform node, ESM, minify; gzip level 9)`);
console.log(["one-call program".padEnd(24), "minified".padStart(10), "min+gzip".padStart(10), "modules".padStart(8), "  largest contributors (minified bytes)"].join(" "));
const sizes = {};
for (const program of PROGRAMS) {
  const b = await bundle(program);
  sizes[program.name] = b;
  console.log(
    [
      program.name.padEnd(24),
      kB(b.minified).padStart(10),
      kB(b.gzipped).padStart(10),
      String(b.modules).padStart(8),
      `  ${b.top.map(([name, bytes]) => `${name} ${kB(bytes)}`).join(", ")}`,
    ].join(" "),
  );
}
const g = sizes["@grantkit/client"].gzipped;
console.log(
  `  min+gzip: auth0 ManagementClient is ${(sizes["auth0 ManagementClient"].gzipped / g).toFixed(1)}x, ` +
    `auth0 sub-client ${(sizes["auth0 sub-client"].gzipped / g).toFixed(1)}x the size of @grantkit/client`,
);

console.log("\n# Install size (the package and its production dependencies, each once, unpacked on disk)");
console.log(["package".padEnd(24), "packages".padStart(9), "files".padStart(7), "size".padStart(10), "  dependencies"].join(" "));
for (const [name, dir] of [
  ["@grantkit/client", packageDir],
  ["auth0", findPackage(packageDir, "auth0")],
]) {
  const size = installSize(dir);
  console.log(
    [
      name.padEnd(24),
      String(size.packages).padStart(9),
      String(size.files).padStart(7),
      `${(size.bytes / 2 ** 20).toFixed(2)} MiB`.padStart(10),
      `  ${size.names.slice(1).join(", ")}`,
    ].join(" "),
  );
}
