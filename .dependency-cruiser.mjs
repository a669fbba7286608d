// The layout's rules, checked by dependency-cruiser (`pnpm lint:layout`). See CONTRIBUTING.md, "Linting".
// Paths are relative to the repository root; a new package under packages/ is covered by the same rules.
import { publishedPackages } from "./tools/published-packages.mjs";

// The packages users install: what check:browser bundles for browsers and workers, so their sources use no Node API.
const published = (await publishedPackages()).map((pkg) => pkg.dir.split(/[\\/]/).at(-1)).join("|");
const src = "^packages/[^/]+/src/";

/** @type {import("dependency-cruiser").IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules depend on each other one way: a cycle, even of types only, means a module holds two jobs.",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-imports-no-api-folder",
      severity: "error",
      comment: "The runtime core (packages/client/src/core) serves every API client; it imports none of them.",
      from: { path: "^packages/client/src/core/" },
      to: { path: "^packages/client/src/", pathNot: "^packages/client/src/core/" },
    },
    {
      name: "core-internals-stay-in-the-client",
      severity: "error",
      comment:
        "packages/client/src/core/internal is the core's own: @grantkit/client/core (core/index.ts) is the promise to " +
        "other packages. Only the client's sources (the core, and the Auth0 client beside it) and its tests import it.",
      from: { pathNot: "^packages/client/(src|test)/" },
      to: { path: "^packages/client/src/core/internal/" },
    },
    {
      name: "admin-client-imports-only-the-core",
      severity: "error",
      comment: "The admin client uses @grantkit/client/core, the runtime's public entry point: no Auth0 code, no internals.",
      from: { path: "^packages/admin-client/src/" },
      to: { path: "^packages/client/", pathNot: "^packages/client/src/core/index\\.ts$" },
    },
    {
      name: "auth0-client-uses-only-auth0-types",
      severity: "error",
      comment:
        "The Auth0 client takes its types from @grantkit/types/management: not the admin API's, nor the root entry " +
        "point that holds both vendors' names.",
      from: { path: "^packages/client/src/management/" },
      to: { path: "^packages/types/src/(index|vendor/admin)\\.ts$" },
    },
    {
      name: "admin-client-uses-only-admin-types",
      severity: "error",
      comment:
        "The admin client takes its types from @grantkit/types/admin: not Auth0's, nor the root entry point that holds " +
        "both vendors' names.",
      from: { path: "^packages/admin-client/src/" },
      to: { path: "^packages/types/src/(index|vendor/management)\\.ts$" },
    },
    {
      name: "types-import-no-runtime",
      severity: "error",
      comment: "@grantkit/types is types and the generated request rules: it imports no other package.",
      from: { path: "^packages/types/src/" },
      to: { pathNot: "^packages/types/src/" },
    },
    {
      name: "published-src-no-node-builtins",
      severity: "error",
      comment:
        "Published packages run in browsers and workers too (pnpm check:browser): no Node built-ins, except in an entry point " +
        "that is Node's alone and says so (`\"browser\": null` in its exports): @grantkit/testing/server; and a bin, which " +
        "no exports entry names: @grantkit/cli's command line (packages/cli/src/cli).",
      from: { path: `^packages/(${published})/src/`, pathNot: "^packages/(testing/src/server|cli/src/cli)/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "src-no-tools",
      severity: "error",
      comment: "tools/ is the maintainers' (build, tests): package sources never import it.",
      from: { path: src },
      to: { path: "^tools/" },
    },
    {
      name: "src-no-tests",
      severity: "error",
      comment: "Sources never import tests or their support files (tests may import anything).",
      from: { path: src },
      to: { path: "(^|/)test/" },
    },
    {
      name: "src-no-dev-dependencies",
      severity: "error",
      comment: "A devDependency is not installed for users: sources import only dependencies (or a peer they declare).",
      from: { path: src },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["npm-peer"] },
    },
    {
      name: "resolvable",
      severity: "error",
      comment: "Every import resolves: an unmapped workspace specifier needs its line in tsconfig.layout.json.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    exclude: { path: "(^|/)(dist|\\.turbo|coverage)/|^docs/|^tools/\\.doc-examples/" },
    // Type-only imports count: a cycle of types is still a cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.layout.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs", ".d.ts", ".d.mts"],
      mainFields: ["module", "main", "types"],
    },
  },
};
