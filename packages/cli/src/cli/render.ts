import { describe, type Change, type ChangeAction, type Plan, type PlanSummary } from "../engine/changes.js";

/** How text is coloured: ANSI on a terminal, nothing with `NO_COLOR` or elsewhere. */
export type Paint = (colour: "green" | "yellow" | "red" | "bold", text: string) => string;

const CODES = { green: 32, yellow: 33, red: 31, bold: 1 } as const;

export function paintFor(colour: boolean): Paint {
  return colour ? (name, text) => `\u001b[${CODES[name]}m${text}\u001b[0m` : (_name, text) => text;
}

const SIGNS: Record<ChangeAction, { sign: string; colour: "green" | "yellow" | "red" }> = {
  create: { sign: "+", colour: "green" },
  assign: { sign: "+", colour: "green" },
  update: { sign: "~", colour: "yellow" },
  delete: { sign: "-", colour: "red" },
  unassign: { sign: "-", colour: "red" },
};

/** A plan as people read it: each change, then its fields before and after, then the counts. */
export function planText(plan: Plan, fileName: string | undefined, paint: Paint): string {
  if (plan.changes.length === 0) return `No changes: the tenant's grants match ${fileName ?? "the plan"}.\n`;
  const lines = plan.changes.flatMap((change) => [paint(SIGNS[change.action].colour, `${SIGNS[change.action].sign} ${describe(change)}`), ...fieldLines(change)]);
  return `${lines.join("\n")}\n\n${paint("bold", `Plan: ${summaryText(plan.summary)}.`)}\n`;
}

function fieldLines(change: Change): string[] {
  if (change.action === "assign" || change.action === "unassign") return [];
  const fields = new Set([...Object.keys(change.before ?? {}), ...Object.keys(change.after ?? {})]);
  return [...fields].map((field) => {
    const before = change.before === null ? undefined : shown(change.before[field]);
    const after = change.after === null ? undefined : shown(change.after[field]);
    if (before === undefined) return `    ${field}: ${after}`;
    if (after === undefined) return `    ${field}: ${before}`;
    return `    ${field}: ${before} → ${after}`;
  });
}

function shown(value: unknown): string {
  if (value === undefined || value === null) return "(unset)";
  if (Array.isArray(value)) return `[${value.join(", ")}]`;
  return JSON.stringify(value);
}

function summaryText(summary: PlanSummary): string {
  return `${summary.create} to create, ${summary.update} to update, ${summary.delete} to delete, ${summary.assign} to assign, ${summary.unassign} to unassign`;
}

/** What an apply made: `Applied 3 changes: 1 created, 2 updated.` */
export function appliedText(summary: PlanSummary): string {
  const total = Object.values(summary).reduce((sum, count) => sum + count, 0);
  const done = { create: "created", update: "updated", delete: "deleted", assign: "assigned", unassign: "unassigned" } as const;
  const parts = (Object.keys(done) as (keyof typeof done)[]).filter((action) => summary[action] > 0).map((action) => `${summary[action]} ${done[action]}`);
  return `Applied ${total} change${total === 1 ? "" : "s"}: ${parts.join(", ")}.`;
}
