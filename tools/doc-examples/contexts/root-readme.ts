// The root README's examples take these from the reader's application.
const tenantId = process.env.VANTAGE_TENANT_ID!;
const token = "example-vantage-token";
