/**
 * `@grantkit/cli`: a tenant's client grants as code. The engine behind the `grantkit` command, for any runtime:
 * read a grants file, plan it against the tenant, check a saved plan, apply it, export a tenant.
 */
export { applyPlan, type ApplyOptions, type ApplyReport } from "./engine/apply.js";
export { describe as describeChange, PLAN_FORMAT, type Change, type ChangeAction, type GrantFields, type GrantKeyView, type Plan, type PlanSummary } from "./engine/changes.js";
export { checkPlan } from "./engine/check-plan.js";
export { exportGrants, SCHEMA_URL, type ExportOptions, type ExportResult, type LeftOutGrant } from "./engine/export.js";
export { planGrants, type PlanOptions } from "./engine/plan.js";
export type { Progress } from "./engine/tenant.js";
export { ApplyError, GrantsError, GrantsFileError, StalePlanError, TenantCheckError, type FilePosition, type Problem } from "./errors.js";
export { readGrantsFile, type FileEntry, type FileGrant, type GrantsFile } from "./file/read.js";
