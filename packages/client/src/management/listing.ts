import { checkCallOptions, checkOperationRequest, invalid, type CallOptions, type Operation, type OperationRequest } from "../core/index.js";
import { walkPages } from "../core/internal/pagination.js";

/**
 * The Management API's listings answer in the shape the query asks for: checkpoint paging (`from` or `take` set)
 * gives `{ next?, <items> }`, `include_totals: true` gives `{ start, limit, total, <items> }`, anything else a plain
 * array. These query types pick the matching overload of each listing method.
 */
export type CheckpointQuery = { from: string } | { take: number };
export type TotalsQuery = { include_totals: true; from?: undefined; take?: undefined };
export type ArrayQuery = { include_totals?: false | undefined; from?: undefined; take?: undefined };

/** The paging parameters a walk sets itself. */
interface PagingQuery {
  page?: number;
  per_page?: number;
  include_totals?: boolean;
  from?: string;
  take?: number;
}

/** Any of the three answers of a listing whose items are under `Key`. */
type ListingAnswer<Key extends string, Item> =
  | Item[]
  | ({ [K in Key]: Item[] } & { total: number })
  | ({ [K in Key]: Item[] } & { next?: string });

/** One page of a listing, whichever of the three shapes the server answered with. */
export interface ListingPage<Item> {
  items: Item[];
  /** The total count, when the page came with totals (`include_totals`, page-number paging). */
  total?: number | undefined;
  /** The checkpoint for the next page (pass it as `from`), when there is one. */
  next?: string | undefined;
}

/** What a walk (`all`, `allOrganizations`) reports after each page it fetched. */
export interface PageProgress {
  /** 1 for the first page fetched. */
  page: number;
  /** Items yielded so far, this page included. */
  fetched: number;
  /** The total count, when the server tells it (page-number paging). */
  total?: number | undefined;
}

/** Options of a walk (`all`, `allOrganizations`). */
export interface WalkOptions extends CallOptions {
  /** Called after each page is fetched, before its items are yielded. */
  onPage?: ((progress: PageProgress) => void) | undefined;
}

/** A walk checks its options when it is created, not when its first page is read. */
function checkWalkOptions(options: WalkOptions): void {
  checkCallOptions(options);
  if (options.onPage !== undefined && typeof options.onPage !== "function") invalid("options.onPage must be a function");
}

const DEFAULT_PAGE_SIZE = 50;

/** The items of an answer, with its total or checkpoint. */
export function pageOf<Key extends string, Item>(answer: ListingAnswer<Key, Item>, key: Key): ListingPage<Item> {
  if (Array.isArray(answer)) return { items: answer };
  if ("total" in answer) return { items: answer[key], total: answer.total };
  return { items: answer[key], next: answer.next };
}

/**
 * A listing method's `all`: `request` (its query, and its path for a nested listing) and `options` are checked when
 * the walk is made, before any page is read; then {@link walkListing} reads the pages with `fetchPage`.
 */
export function walkOperation<Item, Query extends PagingQuery>(
  operation: Operation<unknown>,
  request: OperationRequest & { query: Query },
  options: WalkOptions,
  fetchPage: (query: Query, options: CallOptions) => Promise<ListingPage<Item>>,
  checkpoints = true,
): AsyncGenerator<Item, void, undefined> {
  checkOperationRequest(operation, request);
  checkWalkOptions(options);
  const { onPage, ...callOptions } = options;
  return walkListing(request.query, (pageQuery) => fetchPage(pageQuery, callOptions), onPage, checkpoints);
}

/**
 * Every item of a listing, page after page, each fetched when the previous one is used up. Page numbers when the
 * query sets `page` or `per_page`, or when the listing has no checkpoints (asking for totals, to know when to stop);
 * checkpoints otherwise, following `next`.
 */
function walkListing<Item, Query extends PagingQuery>(
  query: Query,
  fetchPage: (query: Query) => Promise<ListingPage<Item>>,
  onPage: ((progress: PageProgress) => void) | undefined,
  checkpoints: boolean,
): AsyncGenerator<Item, void, undefined> {
  let pages = 0;
  let fetched = 0;
  const report = (page: { items: Item[]; total?: number | undefined }) => {
    pages += 1;
    fetched += page.items.length;
    onPage?.({ page: pages, fetched, total: page.total });
  };
  // The query with its paging parameters replaced is still a Query: only those keys change.
  const fetchWith = (pageQuery: PagingQuery) => fetchPage(pageQuery as Query);

  if (!checkpoints || query.page !== undefined || query.per_page !== undefined) {
    const { from: _from, take: _take, ...rest } = query;
    const perPage = query.per_page ?? DEFAULT_PAGE_SIZE;
    const fetchNumbered = async (page: number) => {
      const { items, total } = await fetchWith({ ...rest, page, per_page: perPage, include_totals: true });
      const done = items.length < perPage || (total !== undefined && (page + 1) * perPage >= total);
      return { items, total, next: done ? undefined : page + 1 };
    };
    return walkPages(query.page ?? 0, fetchNumbered, report);
  }

  const { include_totals: _totals, from, ...rest } = query;
  const take = query.take ?? DEFAULT_PAGE_SIZE;
  return walkPages<Item, string | undefined>(from, (cursor) => fetchWith({ ...rest, from: cursor, take }), report);
}
