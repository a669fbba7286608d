import { ApiError, ResponseParseError, type RequestLine } from "./errors.js";
import type { Redactor } from "./redaction.js";

/** What the transport read of a 2xx answer: its JSON (undefined for an empty body), and the request it answered. */
export interface Answer {
  readonly data: unknown;
  readonly request: RequestLine;
  /** The values the answer's errors must not show (the attempt's token among them). */
  readonly redactor: Redactor | undefined;
}

/** Each 2xx response the transport hands on, with what it read of it: the body is read and parsed once. */
const answers = new WeakMap<Response, Answer & { readonly text: string }>();

/**
 * The body readers a handed-on response answers with, one set for all: each returns what the transport read of its
 * own response, so a `raw` call's parsing reads no second time.
 */
const READERS: Pick<Response, "text" | "json" | "arrayBuffer" | "blob"> = {
  text(this: Response) {
    return Promise.resolve(answers.get(this)!.text);
  },
  json(this: Response) {
    return Promise.resolve(answers.get(this)!.data);
  },
  arrayBuffer(this: Response) {
    return Promise.resolve(new TextEncoder().encode(answers.get(this)!.text).buffer as ArrayBuffer);
  },
  blob(this: Response) {
    return Promise.resolve(new Blob([answers.get(this)!.text], { type: this.headers.get("content-type") ?? "" }));
  },
};

const JSON_TYPE = /[/+]json\b/i;

/**
 * Turns one answer, whose body was read as `text`, into the response openapi-fetch reads, or the error it stands
 * for: an {@link ApiError} (credentials redacted) outside 2xx, a {@link ResponseParseError} for a body that is not
 * JSON. An empty 2xx body is no data (a DELETE answered 200); a body without a content type is taken as JSON when
 * it parses. The original response is handed on, its body readers answering from what was read (see READERS).
 */
export function readAnswer(response: Response, text: string, request: RequestLine, redactor: Redactor): Response {
  const { status } = response;
  if (!response.ok) {
    throw new ApiError({
      request,
      status,
      statusText: redactor.redact(response.statusText),
      headers: redactor.redactHeaders(response.headers),
      body: redactor.redactValue(parseErrorBody(text)),
    });
  }
  let data: unknown;
  if (text !== "") {
    const contentType = response.headers.get("content-type");
    // The content type is the server's text, so it goes into an error redacted like any other.
    const shownType = () => (contentType === null ? null : redactor.redact(contentType));
    if (contentType !== null && !JSON_TYPE.test(contentType)) {
      throw new ResponseParseError(request, { status, contentType: shownType() }, `a ${shownType()} body where JSON was expected`);
    }
    try {
      data = JSON.parse(text);
    } catch {
      throw new ResponseParseError(request, { status, contentType: shownType() }, "a body that is not valid JSON");
    }
  }
  answers.set(response, { data, request, text, redactor });
  return Object.assign(response, READERS);
}

/** What the transport read of a response it handed on. */
export function answerOf(response: Response): Answer {
  return answers.get(response) ?? { data: undefined, request: { method: "", url: response.url }, redactor: undefined };
}

/**
 * The error for a 2xx answer the caller cannot use (`reason` says why). Its content type is the server's text, so
 * it is redacted like anything else a server sends.
 */
export function responseParseError(response: Response, reason: string): ResponseParseError {
  const { request, redactor } = answerOf(response);
  const contentType = response.headers.get("content-type");
  const shownType = contentType === null || redactor === undefined ? contentType : redactor.redact(contentType);
  return new ResponseParseError(request, { status: response.status, contentType: shownType }, reason);
}

function parseErrorBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
