import { seededRandom } from "./random.js";

/** What a fault does to a request. */
export type FaultEffect =
  /** Answer this status with the API's error body (a 429 with its `x-ratelimit-*` headers) instead of serving. */
  | { kind: "status"; status: number }
  /** Close the connection before any answer. */
  | { kind: "drop" }
  /** Serve the request, send the answer's status and headers, then close the connection in the middle of its body. */
  | { kind: "drop-mid-body" }
  /** Never answer: the caller's timeout or abort has to end the call. */
  | { kind: "stall" }
  /** Serve the request normally, `ms` milliseconds later. */
  | { kind: "latency"; ms: number }
  /** Serve the request, then send a body that is not valid JSON (the answer cut in half). */
  | { kind: "malformed-body" };

/** The kinds of fault, by name. */
export type FaultKind = FaultEffect["kind"];

/**
 * A fault, as data: what it does, to which route, and when. Without `nth` or `probability` it strikes every matching
 * request. Every matching request counts towards `nth` and draws for `probability`, whichever fault wins, so a
 * `randomSeed` replays the same faults for the same sequence of requests.
 */
export type Fault = FaultEffect & {
  /** The operation, as "METHOD /path" with the spec's path template ("POST /client-grants"); left out, every route. */
  route?: string | undefined;
  /** Strike only the n-th matching request (1 is the first). */
  nth?: number | undefined;
  /** Strike each matching request with this chance, from 0 to 1, drawn from the fake's `randomSeed`. */
  probability?: number | undefined;
  /**
   * For `status`, `drop` and `stall`: act on the request first (a create is stored), then strike, as a server that
   * fails after committing does. Default false: the request is never acted on.
   */
  afterServing?: boolean | undefined;
};

/** A fault that strikes instead of serving normally: every kind but latency. */
export type StrikingFault = Exclude<Fault, { kind: "latency" }>;

/** The fault that strikes one request, and the latency added to it. */
export interface StruckFault {
  readonly fault: StrikingFault | undefined;
  readonly latencyMs: number;
}

const KINDS: readonly FaultKind[] = ["status", "drop", "drop-mid-body", "stall", "latency", "malformed-body"];

function checkFault(fault: Fault, index: number, routes: ReadonlySet<string>): void {
  const at = `faults[${index}]`;
  if (fault === null || typeof fault !== "object") throw new TypeError(`${at} must be an object`);
  if (!KINDS.includes(fault.kind)) throw new TypeError(`${at}.kind must be one of ${KINDS.join(", ")}, got ${JSON.stringify(fault.kind)}`);
  if (fault.route !== undefined && !routes.has(fault.route)) {
    throw new TypeError(`${at}.route must be an operation such as "POST /client-grants" (one of: ${[...routes].join(", ")}), got ${JSON.stringify(fault.route)}`);
  }
  if (fault.kind === "status" && (!Number.isInteger(fault.status) || (fault.status !== 429 && (fault.status < 500 || fault.status > 599)))) {
    throw new TypeError(`${at}.status must be 429 or a 5xx status, got ${JSON.stringify(fault.status)}`);
  }
  if (fault.kind === "latency" && (typeof fault.ms !== "number" || !(fault.ms >= 0))) throw new TypeError(`${at}.ms must be a number of milliseconds`);
  if (fault.nth !== undefined && (!Number.isInteger(fault.nth) || fault.nth < 1)) throw new TypeError(`${at}.nth must be a positive integer`);
  if (fault.probability !== undefined && !(fault.probability >= 0 && fault.probability <= 1)) throw new TypeError(`${at}.probability must be from 0 to 1`);
  if (fault.nth !== undefined && fault.probability !== undefined) throw new TypeError(`${at} takes nth or probability, not both`);
}

interface ArmedFault {
  readonly fault: Fault;
  readonly random: () => number;
  seen: number;
}

/** The faults set on a fake, and which of them strike each request. */
export class FaultPlan {
  readonly #armed: ArmedFault[];

  /** `routes` are the operations a fault may name; `randomSeed` seeds each fault's draws, fault by fault. */
  constructor(faults: readonly Fault[], routes: ReadonlySet<string>, randomSeed: number) {
    if (!Array.isArray(faults)) throw new TypeError("faults must be an array");
    faults.forEach((fault, index) => checkFault(fault, index, routes));
    this.#armed = faults.map((fault, index) => ({
      fault: structuredClone(fault),
      // One generator per fault: adding a fault does not change what the others draw.
      random: seededRandom((randomSeed + Math.imul(index + 1, 0x9e3779b1)) >>> 0),
      seen: 0,
    }));
  }

  /** Which fault strikes a request to `route` (the first listed that strikes, latency aside) and the latency added. */
  strike(route: string): StruckFault {
    let struck: StrikingFault | undefined;
    let latencyMs = 0;
    for (const armed of this.#armed) {
      const { fault } = armed;
      if (fault.route !== undefined && fault.route !== route) continue;
      armed.seen += 1;
      const strikes = fault.nth !== undefined ? armed.seen === fault.nth : fault.probability !== undefined ? armed.random() < fault.probability : true;
      if (!strikes) continue;
      if (fault.kind === "latency") latencyMs += fault.ms;
      else struck ??= fault;
    }
    return { fault: struck, latencyMs };
  }
}
