// The calls of the chaos run, drawn from its seed: which method, with what arguments, through which auth mode, and
// what a success must look like. The tenant's state they need (grants to delete, assignments to remove, admin clients
// to add secrets to, the clients and APIs a create names) is drawn with them, one target per call, so no two calls
// race for the same thing.
import type { ManagementClient } from "@grantkit/client";
import type { FakeState } from "@grantkit/testing";
import type { ClientGrant, ResourceServer } from "@grantkit/types";
import { hashString, mulberry32, pickWeighted } from "@grantkit/test-support/seeded-random";
import { ProvisioningError, type AdminClient } from "../../src/index.js";
import { scopes } from "./server.js";

type AuthMode = "token" | "clientCredentials";

export interface ChaosClients {
  management: Record<AuthMode, ManagementClient>;
  admin: Record<AuthMode, AdminClient>;
}

export interface ChaosCall {
  /** The method, as the report groups calls: `clientGrants.get`. */
  method: Method;
  api: "management" | "admin";
  mode: AuthMode;
  /** What the call is about, for a failure message. */
  args: string;
  run(clients: ChaosClients): Promise<unknown>;
  /** What is wrong with the call's result, `undefined` when it is the documented one; `after` is the tenant's state after the run. */
  checkResult(result: unknown, after: FakeState): string | undefined;
  /** What is wrong with the error the call failed with, beyond its being typed. */
  checkError?(error: unknown, after: FakeState): string | undefined;
}

/** How often each method is called, relative to the others. */
const METHOD_WEIGHTS = {
  "clientGrants.list": 8,
  "clientGrants.listPage": 8,
  "clientGrants.all": 3,
  "clientGrants.get": 10,
  "clientGrants.create": 10,
  "clientGrants.update": 7,
  "clientGrants.delete": 6,
  "clientGrants.organizations": 3,
  "clientGrants.organizationsPage": 2,
  "clientGrants.allOrganizations": 2,
  "clientGrants.assignToOrganization": 6,
  "clientGrants.removeFromOrganization": 5,
  "clientGrants.listForOrganization": 4,
  "clients.create": 8,
  "secrets.create": 8,
  provisionClient: 6,
} as const;

type Method = keyof typeof METHOD_WEIGHTS;

const STABLE_GRANTS = 60;
const CLIENT_IDS = 7;
const ORGANIZATIONS = 10;
const EXISTING_ADMIN_CLIENTS = 20;

type Random = () => number;
const pickOne = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** The calls of a run and the state of the tenant (of `tenantId` on Vantage) they need, both determined by `seed`. */
export function planChaos(seed: number, count: number, tenantId: string): { calls: ChaosCall[]; state: FakeState } {
  const random = mulberry32(hashString(`${seed} calls`));
  const stable = Array.from({ length: STABLE_GRANTS }, (_, i) => ({
    id: `cgr_stable${String(i).padStart(4, "0")}`,
    client_id: `client_${i % CLIENT_IDS}`,
    audience: `https://api-${i}.example.com/`,
    scope: ["read:things"],
  }));
  const organizations = Array.from({ length: ORGANIZATIONS }, (_, i) => ({ id: `org_chaos${i}`, name: `chaos-${i}` }));
  // Every (organization, grant) pair once, shuffled: removals take theirs from the front (assigned from the start),
  // assignments from the back (never assigned).
  const pairs = shuffled(
    random,
    organizations.flatMap((organization) => stable.map((grant): [string, string] => [organization.id, grant.id])),
  );
  const existingClients = Array.from({ length: EXISTING_ADMIN_CLIENTS }, (_, i) => `robot-existing-${i}`);
  const management = {
    clients: ["client_new", "client_doomed", ...Array.from({ length: CLIENT_IDS }, (_, i) => `client_${i}`)].map((id) => ({ client_id: id, name: id })),
    resourceServers: stable.map((grant) => api(grant.audience)),
    organizations,
    clientGrants: [...stable] as ClientGrant[],
    organizationGrants: [] as { organization_id: string; grant_id: string }[],
    credentials: [],
  };
  const admin = {
    tenants: [{ id: tenantId }],
    clients: existingClients.map((clientId) => ({ tenantId, clientId, clientName: clientId, allowedScopes: scopes })),
    secrets: [],
    credentials: [],
  };

  // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch covers every method, as TypeScript checks.
  const calls = Array.from({ length: count }, (_, n): ChaosCall => {
    const method = pickWeighted(random, METHOD_WEIGHTS);
    const mode: AuthMode = random() < 0.5 ? "token" : "clientCredentials";
    const base = { method, mode, api: method.startsWith("clientGrants.") ? "management" : "admin" } as const;
    const grants = (clients: ChaosClients) => clients.management[mode].clientGrants;
    const admin = (clients: ChaosClients) => clients.admin[mode];
    const id = pickOne(random, stable).id;
    switch (method) {
      case "clientGrants.list": {
        const query = listQuery(random);
        return { ...base, args: JSON.stringify(query), run: (c) => grants(c).list(query), checkResult: grantList };
      }
      case "clientGrants.listPage": {
        const query = listQuery(random);
        return { ...base, args: JSON.stringify(query), run: (c) => grants(c).listPage(query), checkResult: (result) => page(result, grant) };
      }
      case "clientGrants.all": {
        // A client's grants only (about nine), a few per page: a walk of a few pages, each of which can fail.
        const query = random() < 0.5 ? { client_id: `client_${n % CLIENT_IDS}`, take: 4 } : { client_id: `client_${n % CLIENT_IDS}`, per_page: 4 };
        return {
          ...base,
          args: JSON.stringify(query),
          run: async (c) => {
            const walked = [];
            for await (const grant of grants(c).all(query)) walked.push(grant);
            return walked;
          },
          checkResult: (result) =>
            grantList(result) ??
            ((result as { client_id?: string }[]).some((grant) => grant.client_id !== query.client_id) ? "a grant of another client" : undefined),
        };
      }
      case "clientGrants.get": {
        // One get in ten asks for a grant that does not exist: only a typed error may come back.
        const missing = random() < 0.1;
        const target = missing ? `cgr_missing${n}` : id;
        return {
          ...base,
          args: target,
          run: (c) => grants(c).get(target),
          checkResult: (result) => (missing ? "a grant that does not exist" : grant(result, (g) => g.id === target)),
        };
      }
      case "clientGrants.create": {
        const body = { client_id: "client_new", audience: `https://chaos-${seed}-${n}.example.com/`, scope: ["read:chaos"] };
        management.resourceServers.push(api(body.audience));
        return {
          ...base,
          args: body.audience,
          run: (c) => grants(c).create(body),
          checkResult: (result, after) =>
            grant(result, (g) => g.audience === body.audience) ??
            created(after.management.clientGrants.some((g) => g.audience === body.audience), `grant ${body.audience}`),
        };
      }
      case "clientGrants.update": {
        const scope = [`write:chaos-${n}`];
        return {
          ...base,
          args: `${id} ${JSON.stringify(scope)}`,
          run: (c) => grants(c).update(id, { scope }),
          checkResult: (result) => grant(result, (g) => g.id === id && JSON.stringify(g.scope) === JSON.stringify(scope)),
        };
      }
      case "clientGrants.delete": {
        const doomed = { id: `cgr_doomed${String(n).padStart(4, "0")}`, client_id: "client_doomed", audience: `https://doomed-${n}.example.com/` };
        management.clientGrants.push(doomed);
        management.resourceServers.push(api(doomed.audience));
        return {
          ...base,
          args: doomed.id,
          run: (c) => grants(c).delete(doomed.id),
          checkResult: (result, after) =>
            result !== undefined ? "a result where none is documented"
            : after.management.clientGrants.some((g) => g.id === doomed.id) ? "success, but the grant is still there"
            : undefined,
          checkError: deleteError,
        };
      }
      case "clientGrants.organizations": {
        const query = listQuery(random, false);
        return {
          ...base,
          args: `${id} ${JSON.stringify(query)}`,
          run: (c) => grants(c).organizations(id, query),
          checkResult: (result) => listAnswer(result, "organizations", organization),
        };
      }
      case "clientGrants.organizationsPage": {
        const query = listQuery(random, false);
        return {
          ...base,
          args: `${id} ${JSON.stringify(query)}`,
          run: (c) => grants(c).organizationsPage(id, query),
          checkResult: (result) => page(result, organization),
        };
      }
      case "clientGrants.allOrganizations": {
        const query = random() < 0.5 ? { take: 1 } : { per_page: 1 };
        return {
          ...base,
          args: `${id} ${JSON.stringify(query)}`,
          run: async (c) => {
            const walked = [];
            for await (const item of grants(c).allOrganizations(id, query)) walked.push(item);
            return walked;
          },
          checkResult: (result) => listOf(result, organization),
        };
      }
      case "clientGrants.assignToOrganization": {
        const [organizationId, grantId] = pairs.pop() as [string, string];
        return {
          ...base,
          args: `${organizationId} ${grantId}`,
          run: (c) => grants(c).assignToOrganization(organizationId, grantId),
          checkResult: (result, after) =>
            grant(result, (g) => g.id === grantId) ??
            (isAssigned(after, organizationId, grantId) ? undefined : "success, but the grant is not assigned"),
        };
      }
      case "clientGrants.removeFromOrganization": {
        const [organizationId, grantId] = pairs.shift() as [string, string];
        management.organizationGrants.push({ organization_id: organizationId, grant_id: grantId });
        return {
          ...base,
          args: `${organizationId} ${grantId}`,
          run: (c) => grants(c).removeFromOrganization(organizationId, grantId),
          checkResult: (result, after) =>
            result !== undefined ? "a result where none is documented"
            : isAssigned(after, organizationId, grantId) ? "success, but the grant is still assigned"
            : undefined,
          checkError: deleteError,
        };
      }
      case "clientGrants.listForOrganization": {
        const organizationId = pickOne(random, organizations).id;
        const query = random() < 0.5 ? {} : { include_totals: true, page: 0, per_page: 10 };
        return { ...base, args: organizationId, run: (c) => grants(c).listForOrganization(organizationId, query), checkResult: grantList };
      }
      case "clients.create": {
        const body = { clientId: `robot-${seed}-${n}`, clientName: `Chaos robot ${n}`, allowedScopes: scopes };
        return {
          ...base,
          args: body.clientId,
          run: (c) => admin(c).clients.create(body),
          checkResult: (result, after) => adminClient(result, body.clientId) ?? createdClient(after, body.clientId),
        };
      }
      case "secrets.create": {
        const clientId = pickOne(random, existingClients);
        const description = `chaos secret ${seed}-${n}`;
        return {
          ...base,
          args: `${clientId} ${description}`,
          run: (c) => admin(c).secrets.create(clientId, { description }),
          checkResult: (result, after) => createdSecret(result, description) ?? createdSecretOf(after, description),
        };
      }
      case "provisionClient": {
        const body = { clientId: `provisioned-${seed}-${n}`, clientName: `Provisioned ${n}`, allowedScopes: scopes };
        const description = `first secret of ${body.clientId}`;
        return {
          ...base,
          args: body.clientId,
          run: (c) => admin(c).provisionClient(body, { description }),
          checkResult: (result, after) => {
            const { client, secret } = (result ?? {}) as { client?: unknown; secret?: unknown };
            return (
              adminClient(client, body.clientId) ??
              createdSecret(secret, description) ??
              createdClient(after, body.clientId) ??
              createdSecretOf(after, description)
            );
          },
          // A provisioning error says the client exists without a secret: it must.
          checkError: (error, after) => {
            if (!(error instanceof ProvisioningError)) return undefined;
            if (error.clientId !== body.clientId) return `a ProvisioningError naming ${error.clientId}`;
            return after.admin.clients.some((c) => c.clientId === body.clientId) ? undefined : "a ProvisioningError for a client that was never created";
          },
        };
      }
    }
  });
  return { calls, state: { management, admin } };
}

/** An API of the tenant, for a grant's audience: a create names one that exists. */
const api = (identifier: string): ResourceServer => ({ identifier, name: identifier });

function shuffled<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** A query for each list shape: a plain array, page numbers with totals, checkpoints; or grants by audience. */
function listQuery(random: Random, byAudience = true) {
  const kind = random();
  if (kind < 0.3) return {};
  if (kind < 0.6) return { include_totals: true, page: Math.floor(random() * 3), per_page: 20 };
  if (kind < 0.8 || !byAudience) return { take: 25 };
  return { audience: `https://api-${Math.floor(random() * STABLE_GRANTS)}.example.com/` };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

type ItemCheck = (value: unknown) => string | undefined;

/** A client grant: an object with a string `id` and `audience`, and whatever else `test` asks of it. */
function grant(value: unknown, test: (grant: Record<string, unknown>) => boolean = () => true): string | undefined {
  if (!isRecord(value) || typeof value.id !== "string" || typeof value.audience !== "string") return `not a grant: ${JSON.stringify(value)}`;
  return test(value) ? undefined : `not the grant asked for: ${JSON.stringify(value)}`;
}

function organization(value: unknown): string | undefined {
  return isRecord(value) && typeof value.id === "string" && typeof value.name === "string" ? undefined : `not an organization: ${JSON.stringify(value)}`;
}

function listOf(items: unknown, check: ItemCheck): string | undefined {
  if (!Array.isArray(items)) return `not a list: ${JSON.stringify(items)}`;
  for (const item of items) {
    const problem = check(item);
    if (problem) return problem;
  }
  return undefined;
}

/** A list answer in one of its documented shapes: an array, totals, or a checkpoint. */
function listAnswer(value: unknown, key: string, check: ItemCheck): string | undefined {
  if (Array.isArray(value)) return listOf(value, check);
  if (!isRecord(value)) return `not a list answer: ${JSON.stringify(value)}`;
  if ("total" in value && typeof value.total !== "number") return "totals with a `total` that is not a number";
  if ("next" in value && typeof value.next !== "string") return "a checkpoint whose `next` is not a string";
  return listOf(value[key], check);
}

const grantList = (value: unknown) => listAnswer(value, "client_grants", (item) => grant(item));

/** A page as `listPage` and `organizationsPage` give it: `{ items, total?, next? }`. */
function page(value: unknown, check: ItemCheck): string | undefined {
  if (!isRecord(value)) return `not a page: ${JSON.stringify(value)}`;
  if (value.total !== undefined && typeof value.total !== "number") return "a page whose `total` is not a number";
  if (value.next !== undefined && typeof value.next !== "string") return "a page whose `next` is not a string";
  return listOf(value.items, check);
}

function adminClient(value: unknown, clientId: string): string | undefined {
  if (!isRecord(value) || value.clientId !== clientId || typeof value.clientName !== "string") {
    return `not the client ${clientId}: ${JSON.stringify(value)}`;
  }
  return undefined;
}

/** A created secret: its value readable, but not in its JSON. */
function createdSecret(value: unknown, description: string): string | undefined {
  const secret = value as Partial<Record<"value" | "valueDisplay" | "startTime" | "expiration" | "description", unknown>> | null;
  if (!secret || typeof secret.value !== "string" || secret.value === "") return "a secret without its value";
  if (typeof secret.valueDisplay !== "string" || typeof secret.startTime !== "string" || typeof secret.expiration !== "string") {
    return `not a secret: ${JSON.stringify(secret)}`;
  }
  if (secret.description !== description) return `the secret of another request: ${JSON.stringify(secret)}`;
  return JSON.stringify(secret).includes(secret.value) ? "a secret whose JSON shows its value" : undefined;
}

/** A create that succeeded left its object in the tenant (once: more is reported as a duplicate). */
function created(found: boolean, what: string): string | undefined {
  return found ? undefined : `success, but the tenant has no ${what}`;
}

const createdClient = (after: FakeState, clientId: string) => created(after.admin.clients.some((c) => c.clientId === clientId), `client ${clientId}`);

const createdSecretOf = (after: FakeState, description: string) =>
  created(after.admin.secrets.some((secret) => secret.description === description), `secret ${description}`);

const isAssigned = (after: FakeState, organizationId: string, grantId: string) =>
  after.management.organizationGrants.some((a) => a.organization_id === organizationId && a.grant_id === grantId);

/**
 * Each DELETE target exists and is deleted by one call only, so a 404 can only answer a retry after an attempt the
 * server carried out, which the client must count as done.
 */
function deleteError(error: unknown): string | undefined {
  return (error as { status?: unknown }).status === 404 ? "404 for something that existed (a retried DELETE)" : undefined;
}
