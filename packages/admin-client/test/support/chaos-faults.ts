// The faults of the chaos run. Most are the fake tenant's own (@grantkit/testing), as data with a chance each; the
// few it has no kind for (a redirect to another origin, a 401 for a token it issued, a 2xx whose body is empty, of
// another type or of another shape) are drawn here, per request, by the thin layer in front of it (chaos-tenant.ts).
import type { Fault } from "@grantkit/testing";
import { pickWeighted } from "@grantkit/test-support/seeded-random";

/** A create: the route of everything the run makes, which a retry after the tenant acted would make twice. */
const CREATE_ROUTES = [
  "POST /client-grants",
  "POST /organizations/{id}/client-grants",
  "POST /tenants/{tenantId}/clients/",
  "POST /tenants/{tenantId}/clients/{clientId}/secrets/",
] as const;

/** The other routes the run calls, the token endpoints included. */
const OTHER_ROUTES = [
  "GET /client-grants",
  "GET /client-grants/{id}",
  "PATCH /client-grants/{id}",
  "DELETE /client-grants/{id}",
  "GET /client-grants/{id}/organizations",
  "GET /organizations/{id}/client-grants",
  "DELETE /organizations/{id}/client-grants/{grant_id}",
  "POST /oauth/token",
  "POST /auth2/connect/token",
] as const;

/** The fake's faults on one route: about one request in four, each fault with its own chance. */
function faultsOn(route: string, isCreate: boolean): Fault[] {
  // A create fails only after the fake stored it: the case where a retry would create it twice, and the one that
  // lets the run count what the tenant carried out (every create that reached it, less those refused with a 429).
  const sides = isCreate ? [true] : [false, true];
  const eitherSide = (fault: Fault, probability: number): Fault[] =>
    sides.map((afterServing) => ({ ...fault, route, probability: probability / sides.length, afterServing }));
  return [
    { route, kind: "status", status: 429, probability: 0.04 },
    ...[500, 502, 503, 504].flatMap((status) => eitherSide({ kind: "status", status }, 0.015)),
    ...eitherSide({ kind: "drop" }, 0.05),
    ...eitherSide({ kind: "stall" }, 0.03),
    { route, kind: "drop-mid-body", probability: 0.05 },
    { route, kind: "malformed-body", probability: 0.04 },
  ];
}

/** The faults the fake injects, on every route the run calls. */
export function tenantFaults(): Fault[] {
  return [...CREATE_ROUTES.map((route) => faultsOn(route, true)), ...OTHER_ROUTES.map((route) => faultsOn(route, false))].flat();
}

/** How often the layer strikes, relative to `none`: about one request in five. */
const LAYER_WEIGHTS = { none: 81, unauthorized: 2, redirect: 2, "empty-body": 4, "wrong-content-type": 4, "wrong-shape": 7 } as const;

/** A fault of the layer, or `none`. */
export type LayerFault = keyof typeof LAYER_WEIGHTS;

/** The layer's faults that answer in the tenant's place: the request never reaches it. */
export const ANSWERED_BY_LAYER: ReadonlySet<LayerFault> = new Set(["unauthorized", "redirect"]);

/** The layer's faults that replace the body of a success the tenant sent. */
const BAD_BODIES: ReadonlySet<LayerFault> = new Set(["empty-body", "wrong-content-type", "wrong-shape"]);

/** What an answer to a route is, for a body of the wrong shape: an object, a list, a token, or nothing. */
export type Shape = "object" | "list" | "token" | "none";

/** Valid JSON that is not the top-level shape the route documents. */
const WRONG_SHAPES: Record<Shape, unknown[]> = {
  object: [null, 42, "a string", true, []],
  list: [null, 42, "a string", {}, { next: "x" }],
  token: [null, 42, "a string", {}, [], { access_token: "" }, { access_token: "t", expires_in: "3600" }],
  // A route that answers no body: any JSON at all is unexpected there.
  none: [null, 42, {}],
};

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

/** The layer's fault for one request, drawn from a generator seeded for it. */
export function layerFault(random: () => number): LayerFault {
  return pickWeighted(random, LAYER_WEIGHTS);
}

/** What answers a request the layer refuses in the tenant's place: a redirect to `elsewhere`, or a 401 in the API's form. */
export function layerAnswer(fault: LayerFault, shape: Shape, api: "management" | "admin", elsewhere: string, random: () => number): Response {
  if (fault === "redirect") return new Response(null, { status: pick([301, 302, 303, 307, 308], random), headers: { location: elsewhere } });
  if (shape === "token") return Response.json({ error: "access_denied", error_description: "Invalid token" }, { status: 401 });
  if (api === "admin") {
    return Response.json({ title: "Unauthorized", status: 401 }, { status: 401, headers: { "content-type": "application/problem+json" } });
  }
  return Response.json({ statusCode: 401, error: "Unauthorized", message: "Invalid token" }, { status: 401 });
}

/** A success the tenant sent, with the layer's bad body in place of its own. An error answer is left as it is. */
export async function withBadBody(fault: LayerFault, answer: Response, shape: Shape, random: () => number): Promise<Response> {
  if (!answer.ok || !BAD_BODIES.has(fault)) return answer;
  // Read whole, so the connection is free again; a body the tenant cut short fails here, as it would in the client.
  const text = await answer.text();
  const json = { "content-type": "application/json; charset=utf-8" };
  const status = answer.status === 204 ? 200 : answer.status;
  if (fault === "empty-body") {
    // A 204 where a body is documented, or a 200 that says JSON and sends nothing.
    return random() < 0.5 && shape !== "none" ? new Response(null, { status: 204 }) : new Response("", { status, headers: json });
  }
  if (fault === "wrong-content-type") {
    return random() < 0.5
      ? new Response("<html><body>Service maintenance</body></html>", { status, headers: { "content-type": "text/html" } })
      : new Response(text || "{}", { status, headers: { "content-type": "text/plain" } });
  }
  return new Response(JSON.stringify(pick(WRONG_SHAPES[shape], random)), { status, headers: json });
}
