/** One page of a listing, and the cursor of the next one (absent on the last page). */
export interface Page<Item, Cursor> {
  items: Item[];
  next?: Cursor | undefined;
  /** The total count, when the server tells it. */
  total?: number | undefined;
}

/**
 * Yields every item of every page, fetching a page only when the previous one is used up, and calls `onPage` with
 * each page before yielding its items. Stops on a page without
 * a next cursor, on an empty page, on a cursor already visited, and on a page that repeats the previous one (a
 * server that ignores the cursor answers the first page again and again), so no server can make it loop forever.
 */
export async function* walkPages<Item, Cursor>(
  first: Cursor,
  fetchPage: (cursor: Cursor) => Promise<Page<Item, Cursor>>,
  onPage?: (page: Page<Item, Cursor>) => void,
): AsyncGenerator<Item, void, undefined> {
  const visited = new Set<Cursor>();
  let previous: string | undefined;
  let cursor = first;
  for (;;) {
    visited.add(cursor);
    const page = await fetchPage(cursor);
    const seen = JSON.stringify(page.items);
    if (seen === previous) return;
    previous = seen;
    onPage?.(page);
    yield* page.items;
    if (page.next === undefined || page.items.length === 0 || visited.has(page.next)) return;
    cursor = page.next;
  }
}
