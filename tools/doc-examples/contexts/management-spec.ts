// The x-codeSamples of openapi/management.yaml: the call on a client made as @grantkit/client's README shows.
import { createManagementClient } from "@grantkit/client";

const client = createManagementClient({ domain: "example.us.auth0.com", token: process.env.AUTH0_TOKEN! });
