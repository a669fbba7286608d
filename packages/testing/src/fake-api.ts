import type { Answer } from "./answer.js";
import type { Refusal } from "./refusal.js";
import type { RequestProblem, SpecValidator, ValidRequest } from "./spec-validation.js";
import type { RouteAnswer } from "./route.js";
import type { SpecOperation } from "./spec-data.js";

/** One vendor's API as the fake serves it: Auth0's Management API, or Vantage's admin API. */
export interface FakeApi {
  /** Judges requests by the API's spec, and says which operation a path names. */
  readonly validator: SpecValidator;
  /** The paths its operations are under (`/api/v2`); its token endpoint is at the origin's root. */
  readonly roots: readonly string[];
  /** Whether the tenant's rate limit applies to its operations (token endpoints aside). */
  readonly rateLimited: boolean;
  /** Throws a `Refusal` when the `authorization` header may not call `operation` (with these path parameters). */
  authorize(operation: SpecOperation, path: Readonly<Record<string, string>>, authorization: string | null): void;
  /** A request the spec refuses, worded as the vendor words it. */
  invalid(operation: SpecOperation, problem: RequestProblem): Refusal;
  /** Serves a valid request, or throws a `Refusal`. `origin` is the one the request was sent to. */
  serve(request: ValidRequest, origin: string): RouteAnswer;
  /** A refusal as the vendor's error body: the API's, or OAuth's at a token endpoint (`operation` undefined: none matched). */
  errorAnswer(operation: SpecOperation | undefined, refusal: Refusal): Answer;
}
