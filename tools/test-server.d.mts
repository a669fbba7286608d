import type { IncomingMessage, ServerResponse } from "node:http";

/** A request the test server received. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** When it arrived (epoch milliseconds). */
  at: number;
}

export interface TestServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** Starts a server on a free loopback port; `handle` answers the n-th request (from 0) however the test needs. */
export function startServer(handle: (request: Received, response: ServerResponse, n: number) => void): Promise<TestServer>;

/** Answers with a JSON body; `headers` may override the content type. */
export function json(response: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;

/** Runs `promise`, which must fail, and returns its error. */
export function caught(promise: Promise<unknown>): Promise<Error>;
