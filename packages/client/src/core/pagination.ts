/** One page of a listing, and the cursor of the next one (absent on the last page). */
export interface Page<Item, Cursor> {
  items: Item[];
  next?: Cursor;
}

/**
 * Yields every item of every page, fetching a page only when the previous one is used up. Stops on a page without
 * a next cursor, on an empty page, and on a cursor already visited, so a server that repeats itself cannot make it
 * loop forever.
 */
export async function* walkPages<Item, Cursor>(
  first: Cursor,
  fetchPage: (cursor: Cursor) => Promise<Page<Item, Cursor>>,
): AsyncGenerator<Item, void, undefined> {
  const visited = new Set<Cursor>();
  let cursor = first;
  for (;;) {
    visited.add(cursor);
    const page = await fetchPage(cursor);
    yield* page.items;
    if (page.next === undefined || page.items.length === 0 || visited.has(page.next)) return;
    cursor = page.next;
  }
}
