import { checkObject, invalid, shown } from "@grantkit/client/core";
import type { CreateClientSecretRequest } from "@grantkit/types/admin";

/** A point in time: a `Date`, or an ISO-8601 string such as `2021-09-07T13:03:38.380Z`. */
export type DateInput = Date | string;

/** Options of a new client secret. */
export interface SecretOptions {
  /** A short comment that tells the secret apart, for example `"CI pipeline"`. */
  description?: string | undefined;
  /**
   * When the secret starts being valid. Default: when the server creates it. A start in the past is accepted: the
   * API bounds only the expiration, relative to the start.
   */
  startTime?: DateInput | undefined;
  /**
   * When the secret expires: at least 1 day and at most 3 years after the start (`startTime`, else now). Leave it
   * out and it is not sent: the API then sets it to exactly 6 months after the secret is created.
   */
  expiration?: DateInput | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_YEARS = 3;
const KNOWN = new Set(["description", "startTime", "expiration"]);

/**
 * ISO-8601 as the API's `date-time` takes it: a full date-time with `Z` or an offset, or a date alone (midnight
 * UTC, as `Date` reads it). A date-time without an offset is refused: JavaScript would read it in the local time
 * zone of whatever machine runs the code, so the same string would mean different instants.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i;

function parseDate(value: unknown, name: string): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) invalid(`${name} is an invalid Date`);
    return ms;
  }
  if (typeof value !== "string") invalid(`${name} must be a Date or an ISO-8601 string, got ${typeof value}`);
  const parts = ISO_DATE_TIME.exec(value) ?? ISO_DATE.exec(value);
  const ms = parts ? Date.parse(value) : Number.NaN;
  // Date.parse rolls 2021-02-30 over into March; a date that does not exist is a mistake, not a wish.
  if (!parts || Number.isNaN(ms) || !dayExists(Number(parts[1]), Number(parts[2]), Number(parts[3]))) {
    invalid(`${name} must be an ISO-8601 date-time with a time zone, such as 2021-09-07T13:03:38.380Z; got ${shown(value)}`);
  }
  return ms;
}

function dayExists(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month - 1);
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * `start` plus 3 calendar years (the UTC year + 3). A 29 February start ends on 28 February, as .NET's
 * `AddYears` (the API's own arithmetic) does, rather than rolling over into March as `Date` would.
 */
function threeYearsAfter(start: number): number {
  const date = new Date(start);
  const year = date.getUTCFullYear() + MAX_YEARS;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, date.getUTCMonth()));
  date.setUTCFullYear(year, date.getUTCMonth(), day);
  return date.getTime();
}

/**
 * Checks a secret's options against the API's rules and turns them into the request body: dates as ISO strings,
 * absent fields left out. `now` stands in for the start when `startTime` is not given.
 */
export function secretBody(options: SecretOptions | undefined, now = Date.now()): CreateClientSecretRequest {
  if (options === undefined) return {};
  checkObject(options, "The secret options");
  const unknown = Object.keys(options).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) {
    invalid(`Unknown secret option ${unknown.map((k) => `\`${k}\``).join(", ")}: pass description, startTime or expiration`);
  }
  const body: CreateClientSecretRequest = {};
  if (options.description !== undefined) {
    if (typeof options.description !== "string") invalid("description must be a string");
    body.description = options.description;
  }
  const start = options.startTime === undefined ? undefined : parseDate(options.startTime, "startTime");
  if (start !== undefined) body.startTime = new Date(start).toISOString();
  if (options.expiration !== undefined) {
    const expiration = parseDate(options.expiration, "expiration");
    checkWindow(start ?? now, expiration, start === undefined ? "now" : "startTime");
    body.expiration = new Date(expiration).toISOString();
  }
  return body;
}

function checkWindow(start: number, expiration: number, startName: string): void {
  const shown = (ms: number) => new Date(ms).toISOString();
  if (expiration < start) {
    invalid(`expiration ${shown(expiration)} is before the secret's start (${startName}, ${shown(start)})`);
  }
  if (expiration - start < DAY_MS) {
    invalid(`expiration must be at least 1 day after the secret's start (${startName}, ${shown(start)}): the earliest is ${shown(start + DAY_MS)}, got ${shown(expiration)}`);
  }
  const latest = threeYearsAfter(start);
  if (expiration > latest) {
    invalid(`expiration must be at most 3 years after the secret's start (${startName}, ${shown(start)}): the latest is ${shown(latest)}, got ${shown(expiration)}`);
  }
}
