import { describe, expect, it } from "vitest";
import { commonJsTwin } from "../declarations.mjs";

describe("the CommonJS twin of a declaration file", () => {
  it("names the .cjs twin of every relative import and re-export", () => {
    const esm = [
      'import { type Client } from "openapi-fetch";',
      'import type { RetryOptions } from "./retry.js";',
      'export { ClientGrants, type WalkOptions, } from "./management/client-grants.js";',
      'export * from "../core/index.js";',
      'declare const x: import("./core/errors.js").ApiError;',
    ].join("\n");
    expect(commonJsTwin(esm)).toBe(
      [
        'import { type Client } from "openapi-fetch";',
        'import type { RetryOptions } from "./retry.cjs";',
        'export { ClientGrants, type WalkOptions, } from "./management/client-grants.cjs";',
        'export * from "../core/index.cjs";',
        'declare const x: import("./core/errors.cjs").ApiError;',
      ].join("\n"),
    );
  });

  it("leaves package imports and text that only looks like a path alone", () => {
    const esm = 'export type * from "@grantkit/types";\n/** See "./notes.js" in the repository. */';
    expect(commonJsTwin(esm)).toBe(esm);
  });
});
