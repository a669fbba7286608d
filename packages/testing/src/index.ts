export { createFakeTenant, type FakeTenant, type FakeTenantOptions } from "./fake-tenant.js";
export type { Fault, FaultEffect, FaultKind } from "./faults.js";
export type { RateLimitOptions } from "./rate-limit.js";
export type { ServedRequest } from "./served-request.js";
export type {
  AdminCredential,
  AdminState,
  FakeSeed,
  FakeState,
  ManagementCredential,
  ManagementState,
  OrganizationGrant,
  StoredSecret,
  TenantClient,
  VantageTenant,
} from "./state.js";
