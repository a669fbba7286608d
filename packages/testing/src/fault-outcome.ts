import type { Answer, Outcome } from "./answer.js";
import type { StrikingFault } from "./faults.js";

/** The first half of a body, never empty: JSON cut there does not parse. */
function malformed(answer: Answer): Answer {
  // An answer without a body (a 204) gets one that does not parse, and the status of a body.
  if (answer.body === "") return { status: 200, headers: { ...answer.headers, "content-type": "application/json; charset=utf-8" }, body: "{" };
  return { ...answer, body: answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 2))) };
}

/**
 * What a request struck by `fault` ends in. `serve` acts on the request and gives its answer (called only when the
 * fault lets the request be served); `refused` is the API's error answer with a status.
 */
export function outcomeOfFault(fault: StrikingFault, serve: () => Answer, refused: (status: number) => Answer): Outcome {
  const servesFirst = fault.afterServing === true;
  switch (fault.kind) {
    case "status":
      if (servesFirst) serve();
      return { type: "answer", answer: refused(fault.status) };
    case "drop":
    case "stall":
      if (servesFirst) serve();
      return { type: fault.kind };
    case "drop-mid-body": {
      const answer = serve();
      // Nothing to cut short: the connection drops before the answer.
      return answer.body === "" ? { type: "drop" } : { type: "drop-mid-body", answer };
    }
    case "malformed-body":
      return { type: "answer", answer: malformed(serve()) };
  }
}
