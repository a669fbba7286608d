import { jsonAnswer } from "../answer.js";
import type { FakeApi } from "../fake-api.js";
import { reasonOf, Refusal } from "../refusal.js";
import { adminValidator } from "../validators.js";
import { vantageRoutes, type VantageContext } from "./routes.js";
import { adminTokenRoute } from "./token-route.js";
import type { TokenRegistry } from "../tokens.js";

/** The admin API's roots: the vendor serves the same operations under v1 and v2. */
export const ADMIN_ROOTS = ["/api/adminapi2/v1", "/api/adminapi2/v2"];
const TOKEN_KEY = "POST /auth2/connect/token";
/** ASP.NET Core's `type` for a validation problem. */
const VALIDATION_TYPE = "https://tools.ietf.org/html/rfc9110#section-15.5.1";

/** Vantage's admin API over the state `context()` returns (it changes when the state is replaced). */
export function adminApi(context: () => VantageContext, tokens: TokenRegistry): FakeApi {
  return {
    validator: adminValidator(),
    roots: ADMIN_ROOTS,
    // The vendor documents no rate limit (no 429) for the admin API.
    rateLimited: false,
    authorize(operation, path, authorization) {
      if (operation.key === TOKEN_KEY) return;
      const grant = tokens.check(authorization, "admin");
      if (grant === undefined) throw new Refusal(401, "Unauthorized");
      const tenantId = path["tenantId"];
      const known = context().state.tenants.some((tenant) => tenant.id === tenantId);
      // A tenant the token may not manage, or one that does not exist: either way this token cannot act on it.
      if (!known || (grant.tenantId !== undefined && grant.tenantId !== tenantId)) throw new Refusal(403, "Forbidden");
    },
    invalid(operation, problem) {
      const message = `${problem.property || "The request"} ${problem.message}`;
      if (operation.key === TOKEN_KEY) return new Refusal(400, message, problem.property === "scope" ? "invalid_scope" : "invalid_request");
      return new Refusal(400, "One or more validation errors occurred.", undefined, { [problem.property || "$"]: [message] });
    },
    serve(request) {
      if (request.key === TOKEN_KEY) return adminTokenRoute(request, context().state, tokens);
      const route = vantageRoutes[request.key];
      if (route === undefined) throw new Refusal(404, "Not Found");
      return route(request, context());
    },
    errorAnswer(operation, refusal) {
      if (operation?.key === TOKEN_KEY) return jsonAnswer(refusal.status, { error: refusal.code ?? "server_error", error_description: refusal.message });
      const problem =
        refusal.fields === undefined
          ? { title: refusal.status >= 500 ? reasonOf(refusal.status) : refusal.message, status: refusal.status }
          : { type: VALIDATION_TYPE, title: refusal.message, status: refusal.status, errors: refusal.fields };
      return jsonAnswer(refusal.status, problem, "application/problem+json; charset=utf-8");
    },
  };
}
