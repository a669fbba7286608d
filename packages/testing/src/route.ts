import type { ValidRequest } from "./spec-validation.js";

/** What a route answers when it does not refuse (it throws a `Refusal` then): a status and a JSON body. */
export interface RouteAnswer {
  readonly status: number;
  /** Left out for no body (a 204). */
  readonly body?: unknown;
}

/** One operation of an API, over the state it acts on. */
export type Route<Context> = (request: ValidRequest, context: Context) => RouteAnswer;
