import type { ClientGrant } from "@grantkit/types";
import { randomText } from "../random.js";
import type { ManagementState } from "../state.js";

/**
 * The Auth0 tenant's state, with each client grant's place in listings: places only grow, so a checkpoint stays
 * valid while grants are created and deleted around it.
 */
export class Auth0Tenant {
  readonly state: ManagementState;
  readonly #places = new Map<string, number>();
  readonly #random: () => number;
  #nextPlace = 0;

  constructor(state: ManagementState, random: () => number) {
    this.state = state;
    this.#random = random;
    for (const grant of state.clientGrants) this.#places.set(grant.id, this.#nextPlace++);
  }

  grant(id: string): ClientGrant | undefined {
    return this.state.clientGrants.find((grant) => grant.id === id);
  }

  /** An id in Auth0's form, `cgr_` and 16 letters and digits, that no grant has. */
  newGrantId(): string {
    for (;;) {
      const id = `cgr_${randomText(this.#random, 16)}`;
      if (this.grant(id) === undefined) return id;
    }
  }

  addGrant(grant: ClientGrant): void {
    this.state.clientGrants.push(grant);
    this.#places.set(grant.id, this.#nextPlace++);
  }

  /** Deletes the grant and its assignments to organizations. */
  removeGrant(id: string): void {
    this.state.clientGrants = this.state.clientGrants.filter((grant) => grant.id !== id);
    this.state.organizationGrants = this.state.organizationGrants.filter((assignment) => assignment.grant_id !== id);
    this.#places.delete(id);
  }

  placeOfGrant(grant: ClientGrant): number {
    return this.#places.get(grant.id) ?? -1;
  }
}
