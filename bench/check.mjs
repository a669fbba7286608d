// @ts-check
// The guard before anything is measured: each operation of a contender must hand back the expected data, so that
// no contender can be fast by doing less than the others.
import { deepStrictEqual } from "node:assert/strict";
import { EXPECTED } from "./fixtures.mjs";

/**
 * Calls each of `ops` once through `contender` over `transport` and throws unless it returns EXPECTED[op].
 *
 * @param {import("./contenders.mjs").Contender} contender
 * @param {import("./contenders.mjs").Transport} transport
 * @param {import("./fixtures.mjs").Op[]} ops
 */
export async function checkContender(contender, transport, ops) {
  const calls = contender.create(transport);
  for (const op of ops) {
    // A round trip through JSON: what matters is the data, not the SDK's own object types.
    const got = JSON.parse(JSON.stringify(await calls[op]()));
    deepStrictEqual(got, EXPECTED[op], `${contender.label} ${op} did not return the expected data`);
  }
}
