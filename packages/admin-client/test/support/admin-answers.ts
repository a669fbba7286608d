import type { SentRequest } from "@grantkit/tools/sent-requests";
import { createdClient, createdSecret } from "./server.js";

/**
 * A plausible 2xx answer to any admin API request, by route (matched on the end of the path, so any API root works):
 * the created client echoes what was asked for, as the API does; a secret is the documented one. A token request
 * (client credentials, a form body) gets {@link ISSUED_TOKEN}.
 */
export function adminAnswer(request: SentRequest): Response {
  if (isTokenRequest(request)) return Response.json({ access_token: ISSUED_TOKEN, expires_in: 3_600, token_type: "Bearer" });
  if (request.method === "DELETE") return new Response(null, { status: 204 });
  const { pathname } = new URL(request.url);
  if (pathname.endsWith("/secrets/")) return Response.json(createdSecret);
  return Response.json({ ...createdClient, ...requestedClient(request.body) });
}

/** The access token {@link adminAnswer} issues for client credentials. */
export const ISSUED_TOKEN = "issued-admin-token_0123456789";

function isTokenRequest(request: SentRequest): boolean {
  return (
    request.method === "POST" &&
    request.headers.authorization === undefined &&
    new URLSearchParams(request.body).get("grant_type") === "client_credentials"
  );
}

function requestedClient(body: string): object {
  try {
    const requested: unknown = JSON.parse(body);
    return requested && typeof requested === "object" && !Array.isArray(requested) ? requested : {};
  } catch {
    return {};
  }
}
