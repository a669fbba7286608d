/** A place in a grants file: 1-based, as editors count. */
export interface FilePosition {
  line: number;
  column: number;
}

/** One thing wrong, with where it is in the file when it comes from one. */
export interface Problem {
  message: string;
  /** The file the problem is in, as it was named. */
  file?: string | undefined;
  /** Where in that file. */
  at?: FilePosition | undefined;
}

/** The problem as one line: `grants.yaml:3:5: unknown field "scopes"`. */
function problemLine({ message, file, at }: Problem): string {
  const where = [file, at?.line, at?.column].filter((part) => part !== undefined).join(":");
  return where === "" ? message : `${where}: ${message}`;
}

/** Base class of the errors of the CLI's engine: each carries every problem found, not only the first. */
export class GrantsError extends Error {
  readonly problems: readonly Problem[];

  constructor(summary: string, problems: readonly Problem[]) {
    super(`${summary}:\n${problems.map((problem) => `  ${problemLine(problem)}`).join("\n")}`);
    this.name = new.target.name;
    this.problems = problems;
  }
}

/** The grants file is not valid: a YAML or JSON error, an unknown field, a rule of the spec, a duplicate grant. */
export class GrantsFileError extends GrantsError {}

/** The file names what the tenant does not have: a client, an API, a scope, an organization; or a system grant. */
export class TenantCheckError extends GrantsError {}

/** A saved plan's changes no longer match the tenant: what they expected to find changed since the plan. */
export class StalePlanError extends GrantsError {}

/** Some changes of an apply failed; the others were made. Running apply again picks up from where it stopped. */
export class ApplyError extends GrantsError {}
