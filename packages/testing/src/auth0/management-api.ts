import { jsonAnswer, type Answer } from "../answer.js";
import type { FakeApi } from "../fake-api.js";
import { reasonOf, Refusal } from "../refusal.js";
import type { RequestProblem } from "../spec-validation.js";
import { managementValidator } from "../validators.js";
import type { Route } from "../route.js";
import type { SpecOperation } from "../spec-data.js";
import type { TokenRegistry } from "../tokens.js";
import { clientGrantRoutes } from "./client-grant-routes.js";
import { lookupRoutes } from "./lookup-routes.js";
import { organizationRoutes } from "./organization-routes.js";
import { MANAGEMENT_SCOPES } from "./scopes.js";
import type { Auth0Tenant } from "./tenant.js";
import { tokenRoute } from "./token-route.js";

export const MANAGEMENT_ROOT = "/api/v2";
const TOKEN_KEY = "POST /oauth/token";
const ROUTES: Readonly<Record<string, Route<Auth0Tenant>>> = { ...clientGrantRoutes, ...organizationRoutes, ...lookupRoutes };

/** What the query or body was refused for, in the words Auth0 uses (`Payload validation error: ...`). */
function invalidRequest(operation: SpecOperation, problem: RequestProblem): Refusal {
  if (operation.key === TOKEN_KEY) {
    return new Refusal(400, `Invalid request: ${problem.property || "the body"} ${problem.message}`, "invalid_request");
  }
  const [label, code] = { path: ["Path", "invalid_uri"], query: ["Query", "invalid_query_string"], body: ["Payload", "invalid_body"] }[problem.in];
  return new Refusal(400, `${label} validation error: '${problem.message}' on property ${problem.property || "(root)"}.`, code);
}

/** Auth0's Management API over the tenant `tenant()` returns (it changes when the state is replaced). */
export function managementApi(tenant: () => Auth0Tenant, tokens: TokenRegistry): FakeApi {
  return {
    validator: managementValidator(),
    roots: [MANAGEMENT_ROOT],
    rateLimited: true,
    authorize(operation, _path, authorization) {
      if (operation.key === TOKEN_KEY) return;
      const grant = tokens.check(authorization, "management");
      if (grant === undefined) {
        throw new Refusal(401, authorization === null ? "Missing authentication" : "Invalid token", "invalid_token");
      }
      const needed = MANAGEMENT_SCOPES[operation.key] ?? [];
      if (grant.scopes !== "every" && !needed.some((scope) => (grant.scopes as ReadonlySet<string>).has(scope))) {
        throw new Refusal(403, `Insufficient scope, expected any of: ${needed.join(",")}`, "insufficient_scope");
      }
    },
    invalid: invalidRequest,
    serve(request, origin) {
      if (request.key === TOKEN_KEY) return tokenRoute(request, { tenant: tenant(), tokens, audience: `${origin}${MANAGEMENT_ROOT}/` });
      const route = ROUTES[request.key];
      if (route === undefined) throw new Refusal(404, "Not Found");
      return route(request, tenant());
    },
    errorAnswer(operation, refusal): Answer {
      if (operation?.key === TOKEN_KEY) return jsonAnswer(refusal.status, { error: refusal.code ?? "server_error", error_description: refusal.message });
      const body = { statusCode: refusal.status, error: reasonOf(refusal.status), message: refusal.message };
      return jsonAnswer(refusal.status, refusal.code === undefined ? body : { ...body, errorCode: refusal.code });
    },
  };
}
