export interface PrismMock {
  /** Where Prism listens, for example `http://127.0.0.1:41234`. Prism serves the spec's paths at this root. */
  readonly url: string;
  /** Stops Prism and removes its temporary files. */
  stop(): Promise<void>;
}

/** Starts a Prism mock on a free loopback port from `openapi/<name>.yaml` and waits until it listens. */
export function startPrism(name: "management" | "admin"): Promise<PrismMock>;

/**
 * Starts Prism's validation proxy (`prism proxy --errors`) over `openapi/<name>.yaml` on a free loopback port, in
 * front of `upstream`, and waits until it listens. A request that breaks the spec is answered 422 and not sent on;
 * every violation, of a request or an answer, is named in the answer's `sl-violations` header.
 */
export function startPrismProxy(name: "management" | "admin", upstream: string): Promise<PrismMock>;
