/** An answer as the fake means to send it: JSON bodies are already text, so every way of sending it agrees. */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body's text; "" for none. */
  readonly body: string;
}

/** What the fake does with a request in the end: answer it, or fail the way a network or a server can. */
export type Outcome =
  | { readonly type: "answer"; readonly answer: Answer }
  /** The connection is closed before any answer. */
  | { readonly type: "drop" }
  /** The status and headers of `answer` are sent, then the connection is closed in the middle of its body. */
  | { readonly type: "drop-mid-body"; readonly answer: Answer }
  /** No answer, ever: the caller's timeout or abort has to end the call. */
  | { readonly type: "stall" };

/** A JSON answer; `undefined` is no body at all (a 204). */
export function jsonAnswer(status: number, body: unknown, contentType = "application/json; charset=utf-8"): Answer {
  if (body === undefined) return { status, headers: {}, body: "" };
  return { status, headers: { "content-type": contentType }, body: JSON.stringify(body) };
}

/** The answer with more headers, which win over its own. */
export function withHeaders(answer: Answer, headers: Readonly<Record<string, string>>): Answer {
  return { ...answer, headers: { ...answer.headers, ...headers } };
}
