// One-call program for the bundle-size measure: @grantkit/client, one clientGrants.list.
import { createManagementClient } from "@grantkit/client";

const client = createManagementClient({ domain: process.env.AUTH0_DOMAIN, token: process.env.AUTH0_TOKEN });
client.clientGrants.list({ take: 50 }).then(console.log);
