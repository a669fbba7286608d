import { applyPlan } from "../engine/apply.js";
import { summaryOf, type Plan } from "../engine/changes.js";
import { checkPlan } from "../engine/check-plan.js";
import { exportGrants } from "../engine/export.js";
import { planGrants } from "../engine/plan.js";
import type { Progress } from "../engine/tenant.js";
import { GrantsError, type Problem } from "../errors.js";
import { readGrantsFile } from "../file/read.js";
import { readArguments, UsageError, type Invocation } from "./arguments.js";
import { connect, type TenantConnection } from "./environment.js";
import { helpText } from "./help.js";
import { appliedText, paintFor, planText, type Paint } from "./render.js";

/** A stream as the CLI writes to it. */
interface Output {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

/** Everything the CLI touches outside itself, so that tests run it in-process with their own. */
export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: Output;
  stderr: Output;
  /** Whether there is a person at a terminal to answer a question. */
  interactive: boolean;
  /** Asks a question on the terminal and resolves to the answer. */
  ask(question: string): Promise<string>;
  readText(path: string): Promise<string>;
  writeText(path: string, text: string): Promise<void>;
  version: string;
  /** The fetch the Management API client uses (default: the global one). */
  fetch?: typeof globalThis.fetch | undefined;
}

/** Exit codes, as Terraform uses them: `CHANGES` only with `plan --detailed-exitcode`. */
const EXIT = { OK: 0, ERROR: 1, CHANGES: 2 } as const;

/** Runs one command line and resolves to its exit code; what it prints goes to `io`. */
export async function main(args: readonly string[], io: CliIo): Promise<number> {
  let invocation: Invocation | undefined;
  try {
    invocation = readArguments(args, io.env);
    return await run(invocation, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`grantkit: ${message}\n`);
    // With --json, stdout holds one document whatever happens: a program reads the problems from there.
    if (invocation !== undefined && "json" in invocation && invocation.json) io.stdout.write(`${JSON.stringify({ error: errorDocument(error) }, null, 2)}\n`);
    return EXIT.ERROR;
  }
}

/** An error as `--json` shows it: its class, its message, and each problem with its place. */
function errorDocument(error: unknown): { name: string; message: string; problems?: readonly Problem[] } {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const problems = error instanceof GrantsError ? { problems: error.problems } : {};
  return { name: error.name, message: error.message.split("\n")[0]!.replace(/:$/, ""), ...problems };
}

async function run(invocation: Invocation, io: CliIo): Promise<number> {
  if (invocation.command === "help") {
    io.stdout.write(helpText(invocation.topic));
    return EXIT.OK;
  }
  if (invocation.command === "version") {
    io.stdout.write(`${io.version}\n`);
    return EXIT.OK;
  }
  const { connection } = invocation;
  const tenant = connect(io.env, connection, io.fetch);
  const progress = progressLine(io.stderr, connection.verbose);
  const paint = paintFor(io.stdout.isTTY === true && (io.env.NO_COLOR ?? "") === "");
  try {
    if (invocation.command === "export") {
      const { text, leftOut } = await exportGrants(tenant.client, { format: invocation.format, progress });
      progress.done();
      if (invocation.output === undefined) io.stdout.write(text);
      else await io.writeText(invocation.output, text);
      for (const { id, reason } of leftOut) io.stderr.write(`grantkit: left out ${id}: ${reason}\n`);
      return EXIT.OK;
    }
    if (invocation.command === "plan") {
      const plan = await planFile(tenant, invocation.file, invocation.prune, io, progress);
      progress.done();
      if (invocation.output !== undefined) await io.writeText(invocation.output, `${JSON.stringify(plan, null, 2)}\n`);
      io.stdout.write(invocation.json ? `${JSON.stringify(plan, null, 2)}\n` : planText(plan, invocation.file, paint));
      return invocation.detailedExitcode && plan.changes.length > 0 ? EXIT.CHANGES : EXIT.OK;
    }
    const plan = invocation.planFile === undefined ? await planFile(tenant, invocation.file!, invocation.prune, io, progress) : await savedPlan(tenant, invocation.planFile, io);
    progress.done();
    return await applyWithConsent(tenant, plan, invocation, io, paint, progress);
  } finally {
    progress.done();
  }
}

async function planFile(tenant: TenantConnection, path: string, prune: boolean, io: CliIo, progress: Progress): Promise<Plan> {
  const file = readGrantsFile(await readInput(io, path), path);
  return planGrants(tenant.client, file, { prune, keepClientId: tenant.ownClientId, progress });
}

async function savedPlan(tenant: TenantConnection, path: string, io: CliIo): Promise<Plan> {
  let plan: Plan;
  try {
    plan = JSON.parse(await readInput(io, path)) as Plan;
  } catch (error) {
    if (error instanceof SyntaxError) throw new UsageError(`${path} is not JSON: a saved plan is what grantkit plan -o writes (${error.message})`);
    throw error;
  }
  await checkPlan(tenant.client, plan);
  return plan;
}

async function applyWithConsent(
  tenant: TenantConnection,
  plan: Plan,
  invocation: Extract<Invocation, { command: "apply" }>,
  io: CliIo,
  paint: Paint,
  progress: ProgressLine,
): Promise<number> {
  const source = invocation.file ?? invocation.planFile;
  if (plan.changes.length === 0) {
    io.stdout.write(invocation.json ? `${JSON.stringify({ applied: [], summary: plan.summary }, null, 2)}\n` : planText(plan, source, paint));
    return EXIT.OK;
  }
  if (!invocation.yes && !io.interactive) throw new UsageError("apply changes the tenant: pass --yes to apply where there is no terminal to ask on");
  // The plan is shown before anything changes, with --yes too, so that a CI log says what the apply did; with
  // --json on stderr, so that stdout holds one JSON document.
  (invocation.json ? io.stderr : io.stdout).write(planText(plan, source, paint));
  if (!invocation.yes) {
    const answer = await io.ask(`\nApply these ${plan.changes.length} changes to the tenant? Only "yes" applies: `);
    if (answer.trim() !== "yes") {
      io.stderr.write("Apply cancelled: nothing changed.\n");
      return EXIT.ERROR;
    }
  }
  const report = await applyPlan(tenant.client, plan, { progress });
  progress.done();
  const summary = summaryOf(report.applied);
  io.stdout.write(invocation.json ? `${JSON.stringify({ applied: report.applied, summary }, null, 2)}\n` : `${paint("bold", appliedText(summary))}\n`);
  return EXIT.OK;
}

async function readInput(io: CliIo, path: string): Promise<string> {
  try {
    return await io.readText(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(`cannot read ${path}${code === "ENOENT" ? ": no such file" : `: ${(error as Error).message}`}`);
  }
}

/** Progress with a `done` that clears it. */
type ProgressLine = Progress & { done(): void };

/**
 * Progress on stderr: one line rewritten in place on a terminal; plain lines elsewhere only with `--verbose`, so
 * that a CI log holds results, not counters.
 */
function progressLine(stderr: Output, verbose: boolean): ProgressLine {
  let shown = false;
  const line = ((message: string) => {
    if (stderr.isTTY === true) {
      stderr.write(`\r\u001b[K${message}`);
      shown = true;
    } else if (verbose) stderr.write(`${message}\n`);
  }) as ProgressLine;
  line.done = () => {
    if (shown) stderr.write("\r\u001b[K");
    shown = false;
  };
  return line;
}
