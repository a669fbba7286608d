// One-call program for the bundle-size measure: openapi-fetch alone (what a user could write with the generated
// types and no SDK), one GET /client-grants.
import createClient from "openapi-fetch";

const client = createClient({
  baseUrl: `https://${process.env.AUTH0_DOMAIN}/api/v2`,
  headers: { authorization: `Bearer ${process.env.AUTH0_TOKEN}` },
});
client.GET("/client-grants", { params: { query: { take: 50 } } }).then(console.log);
