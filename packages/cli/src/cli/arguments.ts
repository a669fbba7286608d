import { parseArgs, type ParseArgsConfig } from "node:util";

/** The command line, read: which command, and its options. */
export type Invocation =
  | { command: "help"; topic?: CommandName | undefined }
  | { command: "version" }
  | { command: "export"; output?: string | undefined; format?: "yaml" | "json" | undefined; connection: Connection }
  | { command: "plan"; file: string; prune: boolean; json: boolean; detailedExitcode: boolean; output?: string | undefined; connection: Connection }
  | { command: "apply"; file?: string | undefined; planFile?: string | undefined; prune: boolean; yes: boolean; json: boolean; connection: Connection };

export type CommandName = "export" | "plan" | "apply";

/** Where the tenant is and how hard to press it: the options every command shares. */
export interface Connection {
  baseUrl?: string | undefined;
  tokenUrl?: string | undefined;
  concurrency: number;
  verbose: boolean;
}

/** A command line that cannot be run; the message says what to type instead. */
export class UsageError extends Error {
  override name = "UsageError";
}

const COMMON = {
  help: { type: "boolean", short: "h" },
  "base-url": { type: "string" },
  "token-url": { type: "string" },
  concurrency: { type: "string" },
  verbose: { type: "boolean" },
} as const satisfies ParseArgsConfig["options"];

const OPTIONS = {
  export: { ...COMMON, output: { type: "string", short: "o" }, format: { type: "string" } },
  plan: {
    ...COMMON,
    file: { type: "string", short: "f" },
    prune: { type: "boolean" },
    json: { type: "boolean" },
    "detailed-exitcode": { type: "boolean" },
    output: { type: "string", short: "o" },
  },
  apply: { ...COMMON, file: { type: "string", short: "f" }, prune: { type: "boolean" }, yes: { type: "boolean", short: "y" }, json: { type: "boolean" } },
} as const satisfies Record<CommandName, ParseArgsConfig["options"]>;

/** The default of `--concurrency`: a few calls in flight; the rate-limit headers pace them further. */
const DEFAULT_CONCURRENCY = 8;

/** Reads the arguments after `grantkit`. `AUTH0_BASE_URL` stands in for `--base-url`. */
export function readArguments(args: readonly string[], env: Record<string, string | undefined>): Invocation {
  const [first, ...rest] = args;
  if (first === undefined || first === "help" || first === "--help" || first === "-h") {
    const topic = first === "help" ? rest[0] : undefined;
    if (topic !== undefined && !(topic in OPTIONS)) throw new UsageError(`no command "${topic}": the commands are export, plan and apply`);
    return { command: "help", topic: topic as CommandName | undefined };
  }
  if (first === "--version" || first === "-V") return { command: "version" };
  if (!(first in OPTIONS)) throw new UsageError(`no command "${first}": the commands are export, plan and apply (grantkit --help)`);
  const command = first as CommandName;

  const parsed = parsedArguments(command, rest);
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help === true) return { command: "help", topic: command };
  const connection = connectionOf(values, env);

  if (command === "export") {
    const format = values.format as string | undefined;
    if (format !== undefined && format !== "yaml" && format !== "json") throw new UsageError(`--format must be yaml or json, got "${format}"`);
    const output = values.output as string | undefined;
    return { command, output, format: format ?? (output?.endsWith(".json") ? "json" : undefined), connection };
  }
  if (command === "plan") {
    const file = values.file as string | undefined;
    if (file === undefined) throw new UsageError("plan needs the grants file: grantkit plan -f grants.yaml");
    return {
      command,
      file,
      prune: values.prune === true,
      json: values.json === true,
      detailedExitcode: values["detailed-exitcode"] === true,
      output: values.output as string | undefined,
      connection,
    };
  }
  const planFile = parsed.positionals[0];
  const file = values.file as string | undefined;
  if (parsed.positionals.length > 1) throw new UsageError(`apply takes one saved plan, got ${parsed.positionals.length}`);
  if ((file === undefined) === (planFile === undefined)) {
    throw new UsageError("apply needs a grants file (grantkit apply -f grants.yaml) or a saved plan (grantkit apply plan.json), not both");
  }
  if (planFile !== undefined && values.prune === true) throw new UsageError("--prune is for a grants file: a saved plan already holds its deletions");
  return { command, file, planFile, prune: values.prune === true, yes: values.yes === true, json: values.json === true, connection };
}

/** Node's reading of a command's arguments; a mistake in them is a UsageError pointing at the command's help. */
function parsedArguments(command: CommandName, args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS[command], allowPositionals: command === "apply", strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (grantkit ${command} --help)`);
  }
}

function connectionOf(values: Record<string, string | boolean | undefined>, env: Record<string, string | undefined>): Connection {
  const text = values.concurrency as string | undefined;
  const concurrency = text === undefined ? DEFAULT_CONCURRENCY : Number(text);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of at least 1, got "${text}"`);
  return {
    baseUrl: (values["base-url"] as string | undefined) ?? nonEmpty(env.AUTH0_BASE_URL),
    tokenUrl: values["token-url"] as string | undefined,
    concurrency,
    verbose: values.verbose === true,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
