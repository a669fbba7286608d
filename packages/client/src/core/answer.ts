import { ApiError, ResponseParseError, type RequestInfo } from "./errors.js";
import type { Redactor } from "./redaction.js";

/** What the transport read of a 2xx answer: its JSON (undefined for an empty body), and the request it answered. */
export interface Answer {
  readonly data: unknown;
  readonly request: RequestInfo;
}

/** Each 2xx response the transport hands on, with what it read of it: the body is read and parsed once. */
const answers = new WeakMap<Response, Answer>();

const JSON_TYPE = /[/+]json\b/i;

/**
 * Turns one answer, whose body was read as `text`, into the response openapi-fetch reads, or the error it stands
 * for: an {@link ApiError} (credentials redacted) outside 2xx, a {@link ResponseParseError} for a body that is not
 * JSON. An empty 2xx body is no data (a DELETE answered 200); a body without a content type is taken as JSON when
 * it parses. The original response is handed on, its `text()` and `json()` answering from what was read, so a
 * `raw` call's own parsing reads the same body without a second read.
 */
export function readAnswer(response: Response, text: string, request: RequestInfo, redactor: Redactor): Response {
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
    if (contentType !== null && !JSON_TYPE.test(contentType)) {
      throw new ResponseParseError(request, { status, contentType }, `a ${contentType} body where JSON was expected`);
    }
    try {
      data = JSON.parse(text);
    } catch {
      throw new ResponseParseError(request, { status, contentType }, "a body that is not valid JSON");
    }
  }
  answers.set(response, { data, request });
  const read = response as Pick<Response, "text" | "json" | "arrayBuffer" | "blob">;
  read.text = () => Promise.resolve(text);
  read.json = () => Promise.resolve(data);
  read.arrayBuffer = () => Promise.resolve(new TextEncoder().encode(text).buffer as ArrayBuffer);
  read.blob = () => Promise.resolve(new Blob([text], { type: response.headers.get("content-type") ?? "" }));
  return response;
}

/** What the transport read of a response it handed on. */
export function answerOf(response: Response): Answer {
  return answers.get(response) ?? { data: undefined, request: { method: "", url: response.url } };
}

function parseErrorBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
