import { http, HttpResponse, type HttpHandler } from "msw";
import { outcomeOf, type FakeTenant } from "./fake-tenant.js";
import { outcomeAsResponse } from "./outcome-response.js";

/** Options of {@link fakeTenantHandlers}. */
export interface FakeTenantHandlerOptions {
  /** The origin the handlers answer. Default: the fake's (the origin of `fake.managementUrl`). */
  origin?: string | undefined;
}

/**
 * MSW request handlers (msw 2 or 3) that let `fake` answer every request to its origin, for `setupServer` or
 * `setupWorker`. A dropped connection is MSW's network error.
 *
 * @example
 * ```ts no-run
 * import { createFakeTenant } from "@grantkit/testing";
 * import { fakeTenantHandlers } from "@grantkit/testing/msw";
 * import { setupServer } from "msw/node";
 *
 * const fake = createFakeTenant({ token: "test-token" });
 * const server = setupServer(...fakeTenantHandlers(fake));
 * server.listen();
 * ```
 */
export function fakeTenantHandlers(fake: FakeTenant, options: FakeTenantHandlerOptions = {}): HttpHandler[] {
  const origin = options.origin ?? new URL(fake.managementUrl).origin;
  return [
    http.all(`${origin}/*`, async ({ request }) => {
      const outcome = await outcomeOf(fake, request);
      return outcome.type === "drop" ? HttpResponse.error() : outcomeAsResponse(outcome, request.signal);
    }),
  ];
}
