import type { Options } from "tsup";

/** The build every published package shares: ESM and CommonJS with their type declarations, for any runtime. */
export const libraryOptions: Options;
