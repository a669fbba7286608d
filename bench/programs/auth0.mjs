// One-call program for the bundle-size measure: the auth0 SDK's ManagementClient, one clientGrants.list.
import { ManagementClient } from "auth0";

const management = new ManagementClient({ domain: process.env.AUTH0_DOMAIN, token: process.env.AUTH0_TOKEN });
management.clientGrants.list({ take: 50 }).then(console.log);
