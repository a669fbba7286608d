export { caught, json, startServer, type Received, type TestServer } from "@grantkit/tools/test-server";

export const grant = {
  id: "cgr_4pI9a42haOLLWnwq",
  client_id: "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo",
  audience: "https://billing.example.com/",
  scope: ["read:invoices"],
};
