// The build every published package shares: ESM and CommonJS with their type declarations, for any runtime.
import { emitDeclarations } from "./declarations.mjs";

/** @type {import("tsup").Options} */
export const libraryOptions = {
  format: ["esm", "cjs"],
  // The declarations are tsc's, file by file (see declarations.mjs), not a bundle of them.
  dts: false,
  onSuccess: async () => {
    await emitDeclarations(process.cwd());
  },
  clean: true,
  target: "es2022",
  platform: "neutral",
  // Entry points share chunks, in CJS too: @grantkit/client's `.` and `./core` must hold one copy of the core,
  // or there would be two ApiError classes and `instanceof` would fail across them.
  splitting: true,
};
