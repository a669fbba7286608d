import { Refusal } from "./refusal.js";

/** Auth0's page size when the query names none. */
const DEFAULT_PER_PAGE = 50;
const DEFAULT_TAKE = 50;
const CURSOR_PREFIX = "gk1:";

/** How a listing pages: the items' property name in an object answer, and an item's place in the listing. */
export interface ListingShape<Item> {
  /** The property the items go in: `client_grants`, `organizations`, `clients`... */
  readonly key: string;
  /** Whether the listing takes checkpoint paging (`from`/`take`). */
  readonly checkpoints: boolean;
  /**
   * The item's place, which never changes while it exists and grows with each item added: a checkpoint names
   * the place it stopped at, so items created or deleted during a walk never shift the pages after it.
   */
  readonly placeOf: (item: Item) => number;
}

/** An opaque `next`: the place of the last item sent. */
const cursorOf = (place: number): string => btoa(`${CURSOR_PREFIX}${place}`);

function placeAfter(cursor: string): number {
  let text = "";
  try {
    text = atob(cursor);
  } catch {
    // Not base64: refused below like any other value the fake did not hand out.
  }
  const place = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isInteger(place)) {
    throw new Refusal(400, "Query validation error: 'from' is not a checkpoint this listing sent as 'next'.", "invalid_query_string");
  }
  return place;
}

/**
 * One page of `items` (already filtered, in listing order) in the shape the query asks for: checkpoint paging when
 * it names `from` or `take` (and the listing has it), an object with totals for `include_totals=true`, else a plain
 * array of the page `page`/`per_page` name.
 */
export function listingPage<Item>(items: readonly Item[], query: Readonly<Record<string, unknown>>, shape: ListingShape<Item>): unknown {
  if (shape.checkpoints && (query["from"] !== undefined || query["take"] !== undefined)) {
    const take = (query["take"] as number | undefined) ?? DEFAULT_TAKE;
    const after = query["from"] === undefined ? Number.NEGATIVE_INFINITY : placeAfter(query["from"] as string);
    const rest = items.filter((item) => shape.placeOf(item) > after);
    const page = rest.slice(0, take);
    const last = page.at(-1);
    return rest.length > take && last !== undefined ? { next: cursorOf(shape.placeOf(last)), [shape.key]: page } : { [shape.key]: page };
  }
  const perPage = (query["per_page"] as number | undefined) ?? DEFAULT_PER_PAGE;
  const start = ((query["page"] as number | undefined) ?? 0) * perPage;
  const page = items.slice(start, start + perPage);
  return query["include_totals"] === true ? { start, limit: perPage, total: items.length, [shape.key]: page } : page;
}
