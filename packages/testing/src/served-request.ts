import type { FaultKind } from "./faults.js";

/** One request the fake served, as its log keeps it. */
export interface ServedRequest {
  readonly method: string;
  /** The URL's path, without the query. */
  readonly path: string;
  /** The status sent, or null when no answer was (a dropped connection, a stall). */
  readonly status: number | null;
  /** The fault that struck it, latency aside. */
  readonly fault?: FaultKind;
}
