// packages/client/README.md: `client` and `grant` come from the examples before; the rest from the reader's app.
import * as grantkit from "@grantkit/client";

const domain = "example.us.auth0.com";
const token = process.env.AUTH0_TOKEN!;
const myVault = { read: async (_name: string) => ({ value: token }) };
const client = grantkit.createManagementClient({ domain, token });
const grant = await client.clientGrants.create({
  client_id: "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo",
  audience: "https://billing.example.com/",
});
