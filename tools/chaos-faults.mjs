// @ts-check
// The faults the chaos server injects, and what each one does to an answer. Every random choice about a request is
// drawn when its fault is planned, from a generator seeded for that request, so a seed replays the same faults.
import { pickWeighted } from "./seeded-random.mjs";

/** @typedef {import("./chaos-faults.d.mts").FaultKind} FaultKind */
/** @typedef {import("./chaos-faults.d.mts").FaultPlan} FaultPlan */
/** @typedef {import("./chaos-faults.d.mts").Answer} Answer */
/** @typedef {import("./chaos-faults.d.mts").Outcome} Outcome */

/** @type {import("./chaos-faults.d.mts").DEFAULT_FAULT_WEIGHTS} */
export const DEFAULT_FAULT_WEIGHTS = {
  none: 56,
  "rate-limit": 4,
  unauthorized: 2,
  "server-error": 6,
  reset: 5,
  "reset-mid-body": 5,
  stall: 3,
  "invalid-json": 4,
  "empty-body": 4,
  "wrong-content-type": 4,
  "wrong-shape": 7,
  redirect: 2,
};

/** Faults that may strike before the server acts on the request or after: a coin decides which. */
const EITHER_SIDE = new Set(["server-error", "reset", "stall"]);
/** Faults that mean the request was refused before anything was done: the server never acts on them. */
const BEFORE_ACTING = new Set(["rate-limit", "unauthorized", "redirect"]);

/** @type {import("./chaos-faults.d.mts").planFault} */
export function planFault(random, weights) {
  const kind = /** @type {FaultKind} */ (pickWeighted(random, weights));
  const afterActing = EITHER_SIDE.has(kind) ? random() < 0.5 : !BEFORE_ACTING.has(kind);
  return { kind, afterActing, variant: random() };
}

/**
 * @template T
 * @param {readonly T[]} items
 * @param {number} variant
 * @returns {T}
 */
function pick(items, variant) {
  return /** @type {T} */ (items[Math.floor(variant * items.length)]);
}

/** @type {import("./chaos-faults.d.mts").faultBeforeActing} */
export function faultBeforeActing(plan, errorAnswer, elsewhere) {
  if (plan.afterActing) return undefined;
  switch (plan.kind) {
    case "rate-limit":
      return { type: "answer", ...errorAnswer(429, "Too many requests") };
    case "unauthorized":
      return { type: "answer", ...errorAnswer(401, "Invalid token") };
    case "redirect":
      return { type: "answer", status: pick([301, 302, 303, 307, 308], plan.variant), headers: { location: elsewhere }, body: "" };
    default:
      return failure(plan, errorAnswer);
  }
}

/** @type {import("./chaos-faults.d.mts").faultAfterActing} */
export function faultAfterActing(plan, answer, shape, errorAnswer) {
  const ok = answer.status >= 200 && answer.status < 300;
  switch (plan.kind) {
    case "server-error":
    case "reset":
    case "stall":
      return failure(plan, errorAnswer);
    case "reset-mid-body":
      // An answer without a body cannot be cut in the middle: its connection is reset instead.
      return answer.body === "" ? { type: "reset" } : { type: "reset-mid-body", ...answer };
    default:
      // A bad body replaces a success only: an error answer is already what the client has to cope with.
      return ok ? badBody(plan, answer, shape) : { type: "answer", ...answer };
  }
}

/**
 * @param {FaultPlan} plan
 * @param {(status: number, message: string) => Answer} errorAnswer
 * @returns {Outcome}
 */
function failure(plan, errorAnswer) {
  if (plan.kind === "reset") return { type: "reset" };
  if (plan.kind === "stall") return { type: "stall" };
  const status = pick([500, 502, 503, 504], plan.variant);
  return { type: "answer", ...errorAnswer(status, "The server failed") };
}

/** Valid JSON that is not the top-level shape the route documents. */
const WRONG_SHAPES = {
  object: [null, 42, "a string", true, []],
  list: [null, 42, "a string", {}, { next: "x" }],
  token: [null, 42, "a string", {}, [], { access_token: "" }, { access_token: "t", expires_in: "3600" }],
  // A route that answers no body: any JSON at all is unexpected there.
  none: [null, 42, {}],
};

/**
 * @param {FaultPlan} plan
 * @param {Answer} answer
 * @param {import("./chaos-faults.d.mts").Shape} shape
 * @returns {Outcome}
 */
function badBody(plan, answer, shape) {
  const json = { "content-type": "application/json; charset=utf-8" };
  const status = answer.status === 204 ? 200 : answer.status;
  switch (plan.kind) {
    case "invalid-json":
      return { type: "answer", status, headers: json, body: pick(['{"id": "cgr_', "{'single': 'quotes'}", "[1, 2,", "undefined"], plan.variant) };
    case "empty-body":
      // A 204 where a body is documented, or a 200 that says JSON and sends nothing.
      return plan.variant < 0.5 && shape !== "none" ? { type: "answer", status: 204, headers: {}, body: "" } : { type: "answer", status, headers: json, body: "" };
    case "wrong-content-type":
      return {
        type: "answer",
        status,
        headers: { "content-type": plan.variant < 0.5 ? "text/html" : "text/plain" },
        body: plan.variant < 0.5 ? "<html><body>Service maintenance</body></html>" : (answer.body || "{}"),
      };
    case "wrong-shape":
      return { type: "answer", status, headers: json, body: JSON.stringify(pick(WRONG_SHAPES[shape], plan.variant)) };
    default:
      return { type: "answer", ...answer };
  }
}
