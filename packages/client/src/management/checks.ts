import { checkInteger, checkItemLengths, checkNonEmptyString, checkObject, checkQuery, invalid } from "../core/index.js";
import { managementRules, type CreateClientGrantRequest, type ListClientGrantsQuery, type UpdateClientGrantRequest } from "@grantkit/types";

/** The spec's rules that types cannot carry, checked before a request is sent. */

function checkNotBoth(fields: { client_id?: unknown; default_for?: unknown }): void {
  if (fields.client_id !== undefined && fields.default_for !== undefined) {
    invalid("client_id and default_for are mutually exclusive: pass one or the other");
  }
}

const { scope, authorizationDetailsType, perPage, take } = managementRules;

function checkScopes(fields: { scope?: unknown; authorization_details_types?: unknown }): void {
  checkItemLengths(fields.scope, "scope", scope.minLength, scope.maxLength);
  checkItemLengths(fields.authorization_details_types, "authorization_details_types", authorizationDetailsType.minLength, authorizationDetailsType.maxLength);
}

/** The paging parameters every list shares: `per_page` and `take` 1-100, `page` from 0. */
export function checkPaging(query: { per_page?: unknown; page?: unknown; take?: unknown }): void {
  checkQuery(query);
  if (query.per_page !== undefined) checkInteger(query.per_page, "per_page", perPage.minimum, perPage.maximum);
  if (query.page !== undefined) checkInteger(query.page, "page", 0);
  if (query.take !== undefined) checkInteger(query.take, "take", take.minimum, take.maximum);
}

export function checkListQuery(query: ListClientGrantsQuery): void {
  checkPaging(query);
  checkNotBoth(query);
}

export function checkCreate(body: CreateClientGrantRequest): void {
  checkObject(body, "The client grant");
  checkNonEmptyString(body.audience, "audience");
  checkNotBoth(body);
  checkScopes(body);
}

export function checkUpdate(body: UpdateClientGrantRequest): void {
  checkObject(body, "The update");
  if (!Object.values(body).some((value) => value !== undefined)) {
    invalid("An update needs at least one field; pass null to clear scope, organization_usage, allow_any_organization or allow_all_scopes");
  }
  checkScopes(body);
}
