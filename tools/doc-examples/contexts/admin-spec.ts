// The x-codeSamples of openapi/admin.yaml: the call on a client made as @grantkit/admin-client's README shows.
import { createAdminClient } from "@grantkit/admin-client";

const admin = createAdminClient({
  regionUrl: "https://vantage-us.abbyy.com",
  tenantId: process.env.VANTAGE_TENANT_ID!,
  token: "example-vantage-token",
});
