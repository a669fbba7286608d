import { adminSpec, managementSpec } from "./generated/specs.js";
import { SpecValidator } from "./spec-validation.js";

let management: SpecValidator | undefined;
let admin: SpecValidator | undefined;

/** The judge of openapi/management.yaml, made on first use and shared by every fake (compiling costs). */
export const managementValidator = (): SpecValidator => (management ??= new SpecValidator("management", managementSpec));

/** The judge of openapi/admin.yaml, made on first use and shared by every fake. */
export const adminValidator = (): SpecValidator => (admin ??= new SpecValidator("admin", adminSpec));
