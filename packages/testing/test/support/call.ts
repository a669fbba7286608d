import type { FakeTenant } from "../../src/index.js";
import { TOKEN } from "./seed.js";

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * One raw request to the fake, under the Management API root unless `path` is absolute (http...) or starts at the
 * origin's root (`/oauth/token`, `/auth2/...`, `/__grantkit/...`); the fixed token unless `token` says otherwise.
 */
export async function call(
  fake: FakeTenant,
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null; form?: Record<string, string>; rawBody?: string } = {},
): Promise<RawAnswer> {
  const origin = new URL(fake.managementUrl).origin;
  const atRoot = /^\/(oauth|auth2|__grantkit|api\/adminapi2)\//.test(path);
  const url = path.startsWith("http") ? path : atRoot ? `${origin}${path}` : `${fake.managementUrl}${path}`;
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? TOKEN : options.token;
  if (token !== null) headers["authorization"] = `Bearer ${token}`;
  let body: string | undefined;
  if (options.form !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(options.form).toString();
  } else if (options.rawBody !== undefined) {
    headers["content-type"] = "application/json";
    body = options.rawBody;
  } else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const response = await fake.fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
}
