import { ResponseParseError, type ApiErrorClass, type RequestLine } from "./errors.js";
import type { Redactor } from "./redaction.js";

/**
 * A 2xx answer as the transport read it: the response (its body read once, here), the body's text and parsed JSON
 * (`undefined` for an empty body), and the request it answered, with the values its errors must not show.
 */
export interface Answer {
  /** The status and headers; its body has been read. */
  readonly response: Response;
  readonly text: string;
  readonly data: unknown;
  readonly request: RequestLine;
  /** The values an error about this answer must not show (the attempt's token among them). */
  readonly redactor: Redactor;
}

const JSON_TYPE = /[/+]json\b/i;

/**
 * Turns one response, whose body was read as `text`, into its {@link Answer}, or the error it stands for: the
 * client's `apiError` (credentials redacted) outside 2xx, a {@link ResponseParseError} for a body that is not JSON. An
 * empty 2xx body is no data (a DELETE answered 200); a body without a content type is taken as JSON when it parses.
 */
export function readAnswer(response: Response, text: string, request: RequestLine, redactor: Redactor, apiError: ApiErrorClass): Answer {
  const { status } = response;
  if (!response.ok) {
    throw new apiError({
      request,
      status,
      statusText: redactor.redact(response.statusText),
      headers: redactor.redactHeaders(response.headers),
      body: redactor.redactValue(parseErrorBody(text)),
    });
  }
  const answer = { response, text, data: undefined as unknown, request, redactor };
  if (text === "") return answer;
  const contentType = response.headers.get("content-type");
  if (contentType !== null && !JSON_TYPE.test(contentType)) {
    throw responseParseError(answer, `a ${redactor.redact(contentType)} body where JSON was expected`);
  }
  try {
    answer.data = JSON.parse(text);
  } catch {
    throw responseParseError(answer, "a body that is not valid JSON");
  }
  return answer;
}

/**
 * The error for a 2xx answer the caller cannot use (`reason` says why). Its content type is the server's text, so
 * it is redacted like anything else a server sends.
 */
export function responseParseError(answer: Answer, reason: string): ResponseParseError {
  const { request, redactor, response } = answer;
  const contentType = response.headers.get("content-type");
  return new ResponseParseError(request, { status: response.status, contentType: contentType === null ? null : redactor.redact(contentType) }, reason);
}

/**
 * The answer as a `Response` again, for openapi-fetch (the `raw` client): a new one, since the transport read the
 * original's body.
 */
export function responseOf(answer: Answer): Response {
  const { response, text } = answer;
  // A 204 or 205 (or 304) takes no body at all, not even an empty one.
  const body = text === "" ? null : text;
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function parseErrorBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
