import { createManagementClient } from "../../src/index.js";

export { caught, json, startServer, type TestServer } from "@grantkit/test-support/test-server";

export const grant = {
  id: "cgr_4pI9a42haOLLWnwq",
  client_id: "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo",
  audience: "https://billing.example.com/",
  scope: ["read:invoices"],
};

/** A client whose fetch records every URL and answers `{}`: a check must throw before anything is sent. */
export function recordingClient() {
  const sent: string[] = [];
  const client = createManagementClient({
    domain: "example.us.auth0.com",
    token: "a-token-that-is-long-enough",
    fetch: async (input) => {
      sent.push(String(input instanceof Request ? input.url : input));
      return Response.json({});
    },
  });
  return { client, sent };
}
