import type { CommandName } from "./arguments.js";

const CONNECTION = `Connection (every command):
  Credentials come from the environment only, never from a file or a flag:
    AUTH0_DOMAIN             the tenant, for example example.us.auth0.com
    AUTH0_CLIENT_ID          with AUTH0_CLIENT_SECRET: a machine-to-machine client of the Management API
    AUTH0_CLIENT_SECRET
    AUTH0_ACCESS_TOKEN       or a Management API access token instead
  --base-url URL             the Management API root, for a proxy or a fake tenant (or AUTH0_BASE_URL)
  --token-url URL            where the client credentials are exchanged (default https://AUTH0_DOMAIN/oauth/token)
  --concurrency N            the most calls in flight (default 8); the tenant's rate-limit headers pace them too
  --verbose                  progress as plain lines on stderr, also when it is not a terminal
  -h, --help                 this help
  NO_COLOR                   set to anything: no colour`;

const COMMANDS: Record<CommandName | "main", string> = {
  main: `grantkit: a tenant's Auth0 client grants as code.

Usage:
  grantkit export [-o FILE]                    the tenant's grants as a file
  grantkit plan -f FILE [--prune] [--json]     what apply would change
  grantkit apply -f FILE [--prune] [--yes]     make the file's changes
  grantkit apply PLAN.json [--yes]             make a saved plan's changes, each checked again first
  grantkit --version

grantkit COMMAND --help shows a command's options.`,
  export: `grantkit export [-o FILE] [--format yaml|json]

Writes the tenant's client grants as a grants file (stdout without -o), which plan then reads as "no changes".
System grants are left out, and so are grants whose client or API no longer exists (each named on stderr: plan
--prune deletes them). A client is named by its name where the name is unique, else by its client_id.

  -o, --output FILE          write to FILE (JSON when it ends with .json)
  --format yaml|json         the file format (default yaml)`,
  plan: `grantkit plan -f FILE [--prune] [--json] [--detailed-exitcode] [-o PLAN.json]

Shows what apply would do, change by change and field by field, and changes nothing. The file is checked first
(every problem with its line and column), then against the tenant: each client exists (a name names exactly one),
each audience is an API's identifier, each scope is defined on it, each organization exists. System grants are
never changed or deleted; a file entry that matches one is an error.

  -f, --file FILE            the grants file (YAML or JSON)
  --prune                    also delete the tenant's grants the file does not name
  --json                     one JSON document on stdout: { format, changes, summary }
  --detailed-exitcode        exit 0 with no changes, 2 with changes, 1 on an error (for CI drift checks)
  -o, --output PLAN.json     save the plan, for grantkit apply PLAN.json

Exit codes: 0 (with --detailed-exitcode: 0 no changes, 2 changes), 1 on an error.`,
  apply: `grantkit apply -f FILE [--prune] [--yes] [--json]
grantkit apply PLAN.json [--yes] [--json]

Makes the changes of a grants file (planned afresh) or of a saved plan. A saved plan is checked against the tenant
first, change by change: if what a change expects to find no longer holds, nothing is applied. Asks before
changing anything on a terminal; elsewhere it refuses without --yes. Run again after an interruption: it picks up
where it stopped.

  -f, --file FILE            the grants file (YAML or JSON)
  --prune                    also delete the tenant's grants the file does not name
  -y, --yes                  apply without asking
  --json                     one JSON document on stdout: { applied, summary }`,
};

/** The help of a command, or of grantkit itself. */
export function helpText(topic: CommandName | undefined): string {
  return `${COMMANDS[topic ?? "main"]}\n\n${CONNECTION}\n`;
}
