/**
 * A request the fake refuses, as the vendor would: thrown by a route, and written by its API into the vendor's
 * error body (Auth0's `{statusCode, error, message, errorCode}`, Vantage's problem details, OAuth's `{error}`).
 */
export class Refusal extends Error {
  readonly status: number;
  /** Auth0's `errorCode`, or the OAuth `error` of a token endpoint. */
  readonly code: string | undefined;
  /** Vantage's validation messages by field. */
  readonly fields: Readonly<Record<string, string[]>> | undefined;

  constructor(status: number, message: string, code?: string, fields?: Record<string, string[]>) {
    super(message);
    this.name = "Refusal";
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

const REASONS: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The HTTP reason phrase of `status`, as the vendors put it in their error bodies. */
export function reasonOf(status: number): string {
  return REASONS[status] ?? (status >= 500 ? "Server Error" : "Error");
}
