/** What the chaos server can do to a request instead of, or on top of, answering it. */
export type FaultKind =
  /** A normal answer. */
  | "none"
  /** 429, with the API's rate-limit headers (see `rateLimitHeaders`). Never acted on. */
  | "rate-limit"
  /** 401; a token the server issued is revoked by it. Never acted on. */
  | "unauthorized"
  /** 500, 502, 503 or 504, before or after acting. */
  | "server-error"
  /** The connection is reset before any response, before or after acting. */
  | "reset"
  /** The headers of the real answer are sent, then the connection is reset in the middle of its body. */
  | "reset-mid-body"
  /** No answer ever, before or after acting: the client's timeout has to end the call. */
  | "stall"
  /** A success whose body is not valid JSON. */
  | "invalid-json"
  /** A success without a body (204, or a 200 that says JSON). */
  | "empty-body"
  /** A success typed `text/html` or `text/plain`. */
  | "wrong-content-type"
  /** A success whose JSON is valid but of the wrong top-level shape (`null`, `42`, `{}` for a list...). */
  | "wrong-shape"
  /**
   * A 301, 302, 303, 307 or 308 to the same path on another origin (the chaos server's `otherOrigin`), as a hostile
   * or hijacked server might send to draw a token or a body elsewhere. Never acted on.
   */
  | "redirect";

/** How often each fault is chosen, relative to the others; a weight of 0 turns a fault off. */
export type FaultWeights = Readonly<Record<FaultKind, number>>;

export const DEFAULT_FAULT_WEIGHTS: FaultWeights;

/** The fault chosen for one request, with every random choice about it already made. */
export interface FaultPlan {
  kind: FaultKind;
  /** Whether the server acts on the request (creates, updates, deletes) before the fault strikes. */
  afterActing: boolean;
  /** A number in [0, 1) that picks among a fault's variants (which status, which wrong shape). */
  variant: number;
}

/** The top-level shape a route's success answer has: what a wrong shape must differ from. */
export type Shape = "object" | "list" | "token" | "none";

/** An answer as the server means to send it. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** The body's text; empty for none. */
  body: string;
}

/** What the server does with a request in the end. */
export type Outcome =
  | ({ type: "answer" } & Answer)
  | ({ type: "reset-mid-body" } & Answer)
  | { type: "reset" }
  | { type: "stall" };

/** Chooses the fault of one request with `random`, a generator seeded for that request. */
export function planFault(random: () => number, weights: FaultWeights): FaultPlan;

/**
 * What happens instead of acting, when the fault strikes first; `undefined` when the server is to act. `elsewhere`
 * is the URL on another origin a redirect points to.
 */
export function faultBeforeActing(
  plan: FaultPlan,
  errorAnswer: (status: number, message: string) => Answer,
  elsewhere: string,
): Outcome | undefined;

/** What happens to `answer`, the server having acted on the request. */
export function faultAfterActing(
  plan: FaultPlan,
  answer: Answer,
  shape: Shape,
  errorAnswer: (status: number, message: string) => Answer,
): Outcome;
