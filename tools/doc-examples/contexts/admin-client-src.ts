// The TSDoc examples of @grantkit/admin-client: a client the reader made, and where the reader keeps secrets.
import { createAdminClient } from "@grantkit/admin-client";

const admin = createAdminClient({
  regionUrl: "https://vantage-us.abbyy.com",
  tenantId: process.env.VANTAGE_TENANT_ID!,
  token: "example-vantage-token",
});
const vault = { put: async (_name: string, _value: string) => {} };
