/** A request as a recording `fetch` saw it. */
export interface JudgedRequest {
  method: string;
  url: string;
  body: string;
}

export interface SpecJudge {
  /** Why the request breaks the spec (its route, parameters and body), or an empty list when it conforms. */
  problems(request: JudgedRequest, rootPath: string): string[];
}

/** A judge of requests against openapi/<name>.yaml, by Ajv over the spec itself. */
export function specJudge(name: "management" | "admin"): SpecJudge;
