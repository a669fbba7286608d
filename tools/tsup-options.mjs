// The build every published package shares: ESM and CommonJS with their type declarations, for any runtime.
/** @type {import("tsup").Options} */
export const libraryOptions = {
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  // Entry points share chunks, in CJS too: @grantkit/client's `.` and `./core` must hold one copy of the core,
  // or there would be two ApiError classes and `instanceof` would fail across them.
  splitting: true,
};
