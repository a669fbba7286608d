import type { Outcome } from "./answer.js";
import { waitForAbort } from "./wait.js";

/** The error `fetch` rejects with when the connection fails, as Node's and browsers' `fetch` do: a `TypeError`. */
const connectionLost = (what: string) => new TypeError("fetch failed", { cause: new Error(`the fake tenant ${what}`) });

/** Statuses whose answers take no body: a Response refuses one. */
const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * What `fetch` gives for an outcome: its Response, a rejection for a dropped connection, a body that fails half
 * way, or nothing until `signal` aborts.
 */
export async function outcomeAsResponse(outcome: Outcome, signal: AbortSignal | undefined): Promise<Response> {
  switch (outcome.type) {
    case "answer": {
      const { status, headers, body } = outcome.answer;
      return new Response(NO_BODY.has(status) ? null : body, { status, headers });
    }
    case "drop":
      throw connectionLost("dropped the connection before answering");
    case "stall":
      return waitForAbort(signal);
    case "drop-mid-body": {
      const { status, headers, body } = outcome.answer;
      const bytes = new TextEncoder().encode(body);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.slice(0, Math.floor(bytes.length / 2)));
          controller.error(new TypeError("terminated", { cause: new Error("the fake tenant dropped the connection in the middle of the body") }));
        },
      });
      return new Response(stream, { status, headers });
    }
  }
}
