import type { ServerResponse } from "node:http";
import { echoedForms, everythingShown } from "@grantkit/test-support/error-views";
import { afterEach, describe, expect, it } from "vitest";
import { createManagementClient, NetworkError, ResponseParseError } from "../src/index.js";
import { caught, startServer, type TestServer } from "./support/server.js";

/**
 * The credential sweep: a server that echoes the credentials of a call in every encoding, in error bodies, in their
 * keys and in headers. No view of the error may show any of them.
 */
const TOKEN = "eyJ.tok_Very-Secret+Bearer/sig=";
const CLIENT_SECRET = "cs_AUTHENTICATING+CLIENT/SECRET=77 x";
const ISSUED = "eyJ.issued_Access+Token/For=The.Call";

let server: TestServer | undefined;
afterEach(() => server?.close());

/** An error answer quoting every form of each credential in its body, its `errors` keys and its headers. */
function echo(res: ServerResponse, credentials: string[], status = 400, asText = false) {
  const forms = credentials.flatMap(echoedForms);
  const headers: Record<string, string> = {
    "content-type": asText ? "text/plain" : "application/json",
    "www-authenticate": `Bearer error="invalid_token", ${forms.map((form, i) => `f${i}="${form}"`).join(", ")}`,
  };
  const body = asText
    ? `rejected: ${forms.join(" | ")}`
    : JSON.stringify({
        statusCode: status,
        error: forms[0],
        message: `rejected: ${forms.join(" | ")}`,
        errors: Object.fromEntries(forms.map((form) => [form, [`bad value ${form}`]])),
        nested: { deep: [{ [forms[1]!]: forms }] },
      });
  res.writeHead(status, headers);
  res.end(body);
}

function expectNoneShown(error: unknown, credentials: string[]) {
  const shown = everythingShown(error);
  // The echo did reach the error: it was redacted, not lost.
  expect(shown).toContain("[redacted]");
  for (const form of credentials.flatMap(echoedForms)) expect(shown, `shows ${form}`).not.toContain(form);
}

describe("a server echoing credentials", () => {
  it("never shows the bearer token echoed in the content type of a 2xx that is not JSON", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": `text/html; charset=utf-8; echo=${encodeURIComponent(TOKEN)}; raw=${TOKEN}` });
      res.end("<html>a login page</html>");
    });
    const client = createManagementClient({ baseUrl: server.url, token: TOKEN, retry: false });
    const error = await caught(client.clientGrants.get("cgr_1"));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).contentType).toMatch(/^text\/html; charset=utf-8; echo=\[redacted\]/);
    expectNoneShown(error, [TOKEN]);
  });

  for (const asText of [false, true]) {
    it(`never shows the bearer token (${asText ? "text" : "JSON"} body, keys, headers)`, async () => {
      server = await startServer((_req, res) => echo(res, [TOKEN], 400, asText));
      const client = createManagementClient({ baseUrl: server.url, token: TOKEN, retry: false });
      expectNoneShown(await caught(client.clientGrants.get("cgr_1")), [TOKEN]);
    });

    it(`never shows the client secret or the issued token (${asText ? "text" : "JSON"} body)`, async () => {
      server = await startServer((req, res) =>
        req.url === "/oauth/token"
          ? (res.writeHead(200, { "content-type": "application/json" }), res.end(JSON.stringify({ access_token: ISSUED, expires_in: 86400 })))
          : echo(res, [CLIENT_SECRET, ISSUED], 403, asText),
      );
      const client = createManagementClient({
        baseUrl: `${server.url}/api/v2`,
        tokenUrl: `${server.url}/oauth/token`,
        clientCredentials: { clientId: "client-id", clientSecret: CLIENT_SECRET },
        retry: false,
      });
      expectNoneShown(await caught(client.clientGrants.list()), [CLIENT_SECRET, ISSUED]);
    });
  }

  it("never shows the client secret echoed by the token endpoint", async () => {
    server = await startServer((_req, res) => echo(res, [CLIENT_SECRET], 401));
    const client = createManagementClient({
      baseUrl: server.url,
      tokenUrl: `${server.url}/oauth/token`,
      clientCredentials: { clientId: "client-id", clientSecret: CLIENT_SECRET },
      retry: false,
    });
    expectNoneShown(await caught(client.clientGrants.list()), [CLIENT_SECRET]);
  });

  it("never shows the token quoted by a failing fetch, down the cause chain", async () => {
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const authorization = new Headers(input instanceof Request ? input.headers : init?.headers).get("authorization");
      expect(authorization).toBe(`Bearer ${TOKEN}`);
      throw new TypeError("fetch failed", { cause: new Error(`socket closed while sending ${authorization} ${btoa(TOKEN)}`) });
    };
    const client = createManagementClient({ baseUrl: "http://127.0.0.1:9/api/v2", token: TOKEN, retry: false, fetch });
    const error = await caught(client.clientGrants.get("cgr_1"));
    expect(error).toBeInstanceOf(NetworkError);
    expectNoneShown(error, [TOKEN]);
  });

  it("never shows a credential of thousands of characters, too long for one pattern", async () => {
    const long = `tok_${"Ab9+/".repeat(2_000)}`;
    const fetch: typeof globalThis.fetch = async () => {
      throw new TypeError("fetch failed", { cause: new Error(`refused ${long} and ${encodeURIComponent(long)}`) });
    };
    const client = createManagementClient({ baseUrl: "http://127.0.0.1:9/api/v2", token: long, retry: false, fetch });
    const error = await caught(client.clientGrants.get("cgr_1"));
    expect(error).toBeInstanceOf(NetworkError);
    const shown = everythingShown(error);
    expect(shown).toContain("[redacted]");
    expect(shown).not.toContain(long);
    expect(shown).not.toContain(encodeURIComponent(long));
  });
});
