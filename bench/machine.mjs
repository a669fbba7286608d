// @ts-check
// What the numbers were measured on: CPU, cores, memory, Node, OS, and the load, so that a table can say how busy
// the machine was.
import { availableParallelism, cpus, loadavg, release, totalmem, type } from "node:os";

export function describeMachine() {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${availableParallelism()} cores × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${type()} ${release()}, Node ${process.version}`;
}

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
export function describeLoad() {
  return `load average ${loadavg().map((value) => value.toFixed(2)).join(", ")} (1, 5, 15 min) on ${availableParallelism()} cores`;
}
