// The TSDoc examples of @grantkit/client: a client the reader made.
import { clientGrantUpdate, createManagementClient } from "@grantkit/client";

const client = createManagementClient({ domain: "example.us.auth0.com", token: process.env.AUTH0_TOKEN! });
