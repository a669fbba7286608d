export interface PrismMock {
  /** Where Prism listens, for example `http://127.0.0.1:41234`. Prism serves the spec's paths at this root. */
  readonly url: string;
  /** Stops Prism and removes its temporary files. */
  stop(): Promise<void>;
}

/** Starts a Prism mock on a free loopback port from `openapi/<name>.yaml` and waits until it listens. */
export function startPrism(name: "management" | "admin"): Promise<PrismMock>;
