// packages/admin-client/README.md: `admin` comes from the first example.
import * as grantkit from "@grantkit/admin-client";

const admin = grantkit.createAdminClient({
  regionUrl: "https://vantage-us.abbyy.com",
  tenantId: process.env.VANTAGE_TENANT_ID!,
  token: "example-vantage-token",
});
