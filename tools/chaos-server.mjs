// @ts-check
// A local stand-in for both APIs (and their token endpoints) that injects a fault into most requests it gets, each
// chosen by a generator seeded from the run's seed and the request itself, and logs what it did: which fault, whether
// it acted, and every create it carried out, so a test can tell a create the client sent twice.
import { createServer } from "node:http";
import { DEFAULT_FAULT_WEIGHTS, faultAfterActing, faultBeforeActing, planFault } from "./chaos-faults.mjs";
import { createMarker, createRateLimiter, createTenant, errorAnswer, routeOf } from "./chaos-tenant.mjs";
import { hashString, mulberry32 } from "./seeded-random.mjs";

export { DEFAULT_FAULT_WEIGHTS };

/** @typedef {import("./chaos-server.d.mts").LoggedRequest} LoggedRequest */
/** @typedef {import("./chaos-faults.d.mts").Outcome} Outcome */

/** @type {import("./chaos-server.d.mts").startChaosServer} */
export async function startChaosServer(options) {
  const { seed, faultWeights = DEFAULT_FAULT_WEIGHTS, ...tenantOptions } = options;
  const tenant = createTenant(tenantOptions);
  const otherOrigin = await startOtherOrigin();
  const rateLimitHeaders = createRateLimiter();
  /** @type {LoggedRequest[]} */
  const requests = [];
  /** @type {string[]} */
  const processedCreates = [];
  /** How many times each distinct request (method, URL and body) has arrived: its attempt number seeds its fault. */
  const attempts = new Map();

  /** @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res @param {string} body */
  function handle(req, res, body) {
    const method = req.method ?? "";
    const url = new URL(req.url ?? "/", "http://chaos.invalid");
    const route = routeOf(method, url.pathname);
    /** @type {LoggedRequest} */
    const entry = { method, path: `${url.pathname}${url.search}`, at: Date.now(), route: route?.name, fault: "none", acted: false, outcome: "stall" };
    requests.push(entry);
    if (!route) return send(res, entry, { type: "answer", status: 404, headers: { "content-type": "text/plain" }, body: "No such route" });

    const key = `${method} ${req.url} ${body}`;
    const attempt = attempts.get(key) ?? 0;
    attempts.set(key, attempt + 1);
    const weights = typeof faultWeights === "function" ? faultWeights(route.name) : faultWeights;
    const plan = planFault(mulberry32(hashString(`${seed} ${attempt} ${key}`)), weights);
    const request = { method, url, headers: req.headers, body };
    /** @param {number} status @param {string} message */
    const fail = (status, message) => errorAnswer(route, status, message);

    /** Every answer carries its API's rate-limit headers. @param {Outcome} outcome */
    const sendWithRateLimit = (outcome) => {
      const answered = outcome.type === "answer" || outcome.type === "reset-mid-body";
      send(res, entry, answered ? { ...outcome, headers: { ...rateLimitHeaders(route, outcome.status), ...outcome.headers } } : outcome);
    };

    const refused = faultBeforeActing(plan, fail, `${otherOrigin.url}${req.url}`);
    if (refused) {
      entry.fault = plan.kind;
      if (plan.kind === "unauthorized") tenant.revoke(request);
      return sendWithRateLimit(refused);
    }
    if (route.shape !== "token" && !tenant.authorized(request)) {
      // A token revoked by an earlier fault (or expired): a real 401, not an injected one.
      return sendWithRateLimit({ type: "answer", ...fail(401, "Invalid or expired token") });
    }
    const answer = tenant.act(route, request);
    entry.acted = true;
    const marker = createMarker(route, body);
    if (marker !== undefined) processedCreates.push(marker);
    entry.fault = plan.kind;
    return sendWithRateLimit(faultAfterActing(plan, answer, route.shape, fail));
  }

  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => handle(req, res, body));
  });
  return {
    url: await listen(server),
    requests,
    processedCreates,
    duplicatedCreates() {
      const seen = new Set();
      return [...new Set(processedCreates.filter((marker) => seen.has(marker) || !seen.add(marker)))];
    },
    tenant,
    otherOrigin: { url: otherOrigin.url, requests: otherOrigin.requests },
    close: () => Promise.all([close(server), close(otherOrigin.server)]).then(() => undefined),
  };
}

/**
 * Where the redirect fault points: another loopback port, so another origin. It answers 200 with an empty object,
 * like a server that hands out whatever it likes, and records every request that reaches it.
 */
async function startOtherOrigin() {
  /** @type {string[]} */
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(200, { "content-type": "application/json" });
    res.end("{}");
  });
  return { server, requests, url: await listen(server) };
}

/** Listens on a free loopback port. @param {import("node:http").Server} server @returns {Promise<string>} */
async function listen(server) {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return `http://127.0.0.1:${port}`;
}

/** Closes every connection (stalled ones included), then the server. @param {import("node:http").Server} server */
function close(server) {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve(undefined));
  });
}

/**
 * @param {import("node:http").ServerResponse} res
 * @param {LoggedRequest} entry
 * @param {Outcome} outcome
 */
function send(res, entry, outcome) {
  switch (outcome.type) {
    case "answer":
      entry.outcome = outcome.status;
      res.writeHead(outcome.status, outcome.headers);
      res.end(outcome.body);
      return;
    case "reset-mid-body": {
      entry.outcome = "reset-mid-body";
      const bytes = Buffer.from(outcome.body);
      res.writeHead(outcome.status, { ...outcome.headers, "content-length": String(bytes.length) });
      // Once the first half has left, reset: the client has the headers and part of a body it was promised whole.
      res.write(bytes.subarray(0, Math.ceil(bytes.length / 2)), () => res.socket?.resetAndDestroy());
      return;
    }
    case "reset":
      entry.outcome = "reset";
      res.socket?.resetAndDestroy();
      return;
    case "stall":
      // Never answered: the connection stays open until the client gives up or the server closes.
      entry.outcome = "stall";
      return;
  }
}
