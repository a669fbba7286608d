/**
 * The scope each Management API operation needs, as Auth0 documents it (a token with any one of them may call).
 * The specs leave scopes out, so they are listed here.
 */
export const MANAGEMENT_SCOPES: Readonly<Record<string, readonly string[]>> = {
  "GET /client-grants": ["read:client_grants"],
  "POST /client-grants": ["create:client_grants"],
  "GET /client-grants/{id}": ["read:client_grants"],
  "PATCH /client-grants/{id}": ["update:client_grants"],
  "DELETE /client-grants/{id}": ["delete:client_grants"],
  "GET /client-grants/{id}/organizations": ["read:organization_client_grants"],
  "GET /organizations/{id}/client-grants": ["read:organization_client_grants"],
  "POST /organizations/{id}/client-grants": ["create:organization_client_grants"],
  "DELETE /organizations/{id}/client-grants/{grant_id}": ["delete:organization_client_grants"],
  "GET /clients": ["read:clients"],
  "GET /resource-servers": ["read:resource_servers"],
  "GET /organizations/{id}": ["read:organizations"],
};
