import { inspect } from "node:util";
import { echoedForms, everythingShown } from "@grantkit/test-support/error-views";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, createAdminClient, ProvisioningError, ResponseParseError, type CreatedClientSecret } from "../src/index.js";
import { caught, createdClient, createdSecret, json, newClient, SECRET_VALUE, startServer, type TestServer } from "./support/server.js";

/**
 * A secret's value is shown once by the API. It must be readable as `secret.value`, and nowhere else: not in logs,
 * JSON, strings or errors, even when a server echoes it later.
 */
let server: TestServer | undefined;
afterEach(() => server?.close());

// With the characters servers escape (`+`, `/`, `=`, a space), so an echo in any encoding is looked for.
const CLIENT_SECRET = "cs_AUTHENTICATING+CLIENT/SECRET=77 x";
const ENCODED_SECRETS = echoedForms(CLIENT_SECRET);

function adminFor(url: string, auth: Record<string, unknown> = { token: "test-token" }) {
  return createAdminClient({ baseUrl: url, tokenUrl: `${url}/auth2/connect/token`, tenantId: "t1", retry: false, ...auth } as Parameters<typeof createAdminClient>[0]);
}

describe("a created secret", () => {
  async function created(answer: object = createdSecret): Promise<CreatedClientSecret> {
    server = await startServer((_req, res) => json(res, 200, answer));
    return adminFor(server.url).secrets.create("invoice-robot");
  }

  it("keeps value readable", async () => {
    const secret = await created();
    expect(secret.value).toBe(SECRET_VALUE);
    expect(secret).toMatchObject({ description: "CI pipeline", valueDisplay: "Zk4", startTime: createdSecret.startTime, expiration: createdSecret.expiration });
  });

  it("shows valueDisplay but not value in util.inspect and console.log", async () => {
    const secret = await created();
    const shown = inspect(secret);
    expect(shown).toBe(
      "CreatedClientSecret {\n  description: 'CI pipeline',\n  valueDisplay: 'Zk4',\n  startTime: '2025-01-15T10:00:00.000Z',\n  expiration: '2025-07-15T10:00:00.000Z'\n}",
    );
    expect(inspect({ nested: [secret] }, { depth: 5 })).not.toContain(SECRET_VALUE);
  });

  it("leaves value out of JSON, String(), template strings, spreading and keys", async () => {
    const secret = await created();
    expect(JSON.parse(JSON.stringify(secret))).toEqual({ description: "CI pipeline", valueDisplay: "Zk4", startTime: createdSecret.startTime, expiration: createdSecret.expiration });
    expect(String(secret)).toBe("[client secret Zk4…, valid from 2025-01-15T10:00:00.000Z to 2025-07-15T10:00:00.000Z]");
    expect(`${secret}`).toBe(String(secret));
    expect({ ...secret }).not.toHaveProperty("value");
    expect(Object.keys(secret)).not.toContain("value");
    expect(Object.getOwnPropertyNames(secret)).not.toContain("value");
    expect(everythingShown(secret)).not.toContain(SECRET_VALUE);
  });

  it("without a description shows no value and no description either", async () => {
    const { description: _none, ...answer } = createdSecret;
    const secret = await created(answer);
    expect(secret.value).toBe(SECRET_VALUE);
    expect(JSON.parse(JSON.stringify(secret))).toEqual({ valueDisplay: "Zk4", startTime: createdSecret.startTime, expiration: createdSecret.expiration });
    expect(Object.keys(secret)).toEqual(["valueDisplay", "startTime", "expiration"]);
    expect(everythingShown(secret)).not.toContain(SECRET_VALUE);
  });

  it("cannot be overwritten", async () => {
    const secret = await created();
    expect(() => {
      (secret as { value: string }).value = "other";
    }).toThrow(TypeError);
    expect(secret.value).toBe(SECRET_VALUE);
  });
});

describe("errors after a secret was shown", () => {
  it("redact the value when a later error body echoes it", async () => {
    server = await startServer((_req, res, n) =>
      n === 0
        ? json(res, 200, createdSecret)
        : json(res, 400, { title: "One or more validation errors occurred.", status: 400, detail: `Secret ${SECRET_VALUE} is already in use`, errors: { value: [SECRET_VALUE] } }),
    );
    const admin = adminFor(server.url);
    await admin.secrets.create("invoice-robot");
    const errors = [await caught(admin.secrets.create("invoice-robot")), await caught(admin.clients.create(newClient))];
    for (const error of errors) {
      expect(error).toBeInstanceOf(ApiError);
      expect(error.message).toContain("Secret [redacted] is already in use");
      expect(everythingShown(error)).not.toContain(SECRET_VALUE);
    }
  });

  it("redact the value in every encoding, in error bodies, their keys and headers", async () => {
    const forms = echoedForms(SECRET_VALUE);
    server = await startServer((_req, res, n) => {
      if (n === 0) return json(res, 200, createdSecret);
      const echoed = forms.join(" ");
      json(res, 409, { title: `Conflict ${echoed}`, detail: echoed, errors: Object.fromEntries(forms.map((f) => [f, [f]])) }, { "x-echo": echoed });
    });
    const admin = adminFor(server.url);
    await admin.secrets.create("invoice-robot");
    const error = await caught(admin.secrets.create("invoice-robot"));
    const shown = everythingShown(error);
    expect(shown).toContain("[redacted]");
    for (const form of forms) expect(shown, form).not.toContain(form);
  });

  it("keep the authenticating secret out of a provisioning failure whose client answer echoes it", async () => {
    server = await startServer((req, res) => {
      if (req.url === "/auth2/connect/token") return json(res, 200, { access_token: "at_ISSUED-BEARER-TOKEN", expires_in: 3600 });
      if (req.url.endsWith("/clients/")) return json(res, 200, { ...createdClient, clientName: `made with ${CLIENT_SECRET}` });
      json(res, 503, { title: "Unavailable", status: 503 });
    });
    const error = await caught(adminFor(server.url, { clientCredentials: { clientId: "robot", clientSecret: CLIENT_SECRET } }).provisionClient(newClient));
    expect(error).toBeInstanceOf(ProvisioningError);
    expect((error as ProvisioningError).client.clientName).toBe("made with [redacted]");
    for (const form of ENCODED_SECRETS) expect(everythingShown(error)).not.toContain(form);
  });

  it("redact it in a provisioning failure after the secret answer arrived but was not the documented secret", async () => {
    // The secret was created (the answer carries its value), but the answer lacks `expiration`: the client cannot
    // hand back a complete secret, so provisioning fails, and neither the error nor its cause may show the value.
    const { expiration: _left, ...incomplete } = createdSecret;
    server = await startServer((_req, res, n) => (n === 0 ? json(res, 200, createdClient) : json(res, 200, incomplete)));
    const error = await caught(adminFor(server.url).provisionClient(newClient));
    expect(error).toBeInstanceOf(ProvisioningError);
    expect(error.cause).toBeInstanceOf(ResponseParseError);
    expect(error.message).toBe(
      `Client "invoice-robot" was created, but creating its secret failed: POST ${server.url}/tenants/t1/clients/invoice-robot/secrets/ answered 200 with a client secret without a valid \`expiration\` (body not shown: it may hold the secret)`,
    );
    expect(everythingShown(error)).not.toContain(SECRET_VALUE);
  });

  it("redact it when a secret answer is not JSON at all", async () => {
    server = await startServer((_req, res, n) => {
      if (n === 0) return json(res, 200, createdClient);
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(`value=${SECRET_VALUE}`);
    });
    const error = await caught(adminFor(server.url).provisionClient(newClient));
    expect(error).toBeInstanceOf(ProvisioningError);
    expect(error.cause).toBeInstanceOf(ResponseParseError);
    expect(everythingShown(error)).not.toContain(SECRET_VALUE);
  });
});

describe("an error's data echoing the bearer token", () => {
  const TOKEN = "eyJ.bearer_Very+Secret/Token=";
  const ISSUED = "eyJ.issued_Access+Token/For=The.Call";
  const AUTHS: Array<[string, Record<string, unknown>, string]> = [
    ["a fixed token", { token: TOKEN }, TOKEN],
    ["a getToken function", { getToken: async () => TOKEN }, TOKEN],
    ["client credentials (the issued token)", { clientCredentials: { clientId: "robot", clientSecret: CLIENT_SECRET } }, ISSUED],
  ];

  it.each(AUTHS)("never shows it in any view of a provisioning failure, with %s; the data stays readable", async (_name, auth, bearer) => {
    // A debugging proxy that copies the request's authorization into the answer, in every encoding, as values and keys.
    const forms = echoedForms(bearer);
    server = await startServer((req, res) => {
      if (req.url === "/auth2/connect/token") return json(res, 200, { access_token: ISSUED, expires_in: 3600 });
      if (req.url.endsWith("/clients/")) {
        return json(res, 200, { ...createdClient, clientName: `seen: ${req.headers.authorization}`, debug: Object.fromEntries(forms.map((form) => [form, form])) });
      }
      json(res, 503, { title: "Unavailable", status: 503 });
    });
    const error = await caught(adminFor(server.url, auth).provisionClient(newClient));
    expect(error).toBeInstanceOf(ProvisioningError);
    const shown = everythingShown(error);
    expect(shown).toContain("[redacted]");
    for (const form of forms) expect(shown, form).not.toContain(form);
    const { client } = error as ProvisioningError;
    expect(client.clientId).toBe("invoice-robot");
    expect(client.clientName).toBe("seen: Bearer [redacted]");
  });

  it.each(AUTHS)("never shows it when the created client's id echoes it, with %s", async (_name, auth, bearer) => {
    // The secret's URL is built from the created client's id: an id that echoes the bearer puts it in the URL of the
    // secret request, and so in that request's errors, whether the id is refused or sent.
    const echoedId = bearer.replace(/^Bearer /, "");
    server = await startServer((req, res) => {
      if (req.url === "/auth2/connect/token") return json(res, 200, { access_token: ISSUED, expires_in: 3600 });
      if (req.url.endsWith("/clients/")) return json(res, 200, { ...createdClient, clientId: echoedId });
      json(res, 503, { title: "Unavailable", status: 503, detail: `no secret for ${req.url}` });
    });
    const error = await caught(adminFor(server.url, auth).provisionClient(newClient));
    const shown = everythingShown(error);
    for (const form of echoedForms(bearer)) expect(shown, form).not.toContain(form);
    expect(shown).toContain("[redacted]");
  });
});

describe("the authenticating client secret", () => {
  it("is redacted when the token endpoint echoes it", async () => {
    server = await startServer((req, res) => json(res, 400, { error: "invalid_client", error_description: `Unknown secret in ${req.body}` }));
    const error = await caught(adminFor(server.url, { clientCredentials: { clientId: "robot", clientSecret: CLIENT_SECRET } }).clients.create(newClient));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, error: "invalid_client" });
    expect(error.message).toContain("client_secret=[redacted]");
    for (const form of ENCODED_SECRETS) expect(everythingShown(error)).not.toContain(form);
    expect(server.received).toHaveLength(1);
  });

  it("is redacted when an echo escapes it as JSON does (\\u002B for +)", async () => {
    server = await startServer((_req, res) => {
      const escaped = JSON.stringify(CLIENT_SECRET).slice(1, -1).replaceAll("+", "\\u002B").replaceAll("/", "\\/");
      res.writeHead(400, { "content-type": "application/json" });
      res.end(`{"error":"invalid_client","error_description":"Unknown secret ${escaped}"}`);
    });
    const error = await caught(adminFor(server.url, { clientCredentials: { clientId: "robot", clientSecret: CLIENT_SECRET } }).clients.create(newClient));
    expect(error.message).toContain("Unknown secret [redacted]");
    for (const form of ENCODED_SECRETS) expect(everythingShown(error)).not.toContain(form);
  });

  it("is redacted when the admin API echoes it, and so is the bearer token", async () => {
    server = await startServer((req, res) =>
      req.url === "/auth2/connect/token"
        ? json(res, 200, { access_token: "at_ISSUED-BEARER-TOKEN", expires_in: 3600, token_type: "Bearer" })
        : json(res, 401, { title: "Unauthorized", status: 401, detail: `client secret ${CLIENT_SECRET}, ${req.headers.authorization}` }),
    );
    const error = await caught(adminFor(server.url, { clientCredentials: { clientId: "robot", clientSecret: CLIENT_SECRET } }).clients.create(newClient));
    expect(error.message).toContain("client secret [redacted], Bearer [redacted]");
    const shown = everythingShown(error);
    expect(shown).not.toContain(CLIENT_SECRET);
    expect(shown).not.toContain("at_ISSUED-BEARER-TOKEN");
  });

  it("never appears in a message about bad credentials", () => {
    const shown: string[] = [];
    try {
      createAdminClient({ regionUrl: "https://vantage.test", tenantId: "t1", clientCredentials: { clientId: "", clientSecret: CLIENT_SECRET } });
    } catch (error) {
      shown.push(everythingShown(error));
    }
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain("clientCredentials.clientId must be a non-empty string");
    expect(shown[0]).not.toContain(CLIENT_SECRET);
  });
});
