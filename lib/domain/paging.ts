/** One page of a list held whole: its items, its number (1-based) and how many pages there are. */
export type ListPage<T> = { items: T[]; page: number; pages: number; total: number; size: number };

/**
 * The page of `items` a URL asks for (`?page=` text, 1-based). A missing, malformed or zero page
 * is the first; one past the end is the last, so a stale link never shows an empty list.
 */
export function pageOf<T>(items: readonly T[], requested: string | string[] | undefined, size: number): ListPage<T> {
  const at = pageAt(requested, items.length, size);
  return { ...at, items: items.slice((at.page - 1) * size, at.page * size) };
}

/** Where the page a URL asks for sits in a list of `total` items that is read a page at a time (by the rule of `pageOf`). */
export function pageAt(requested: string | string[] | undefined, total: number, size: number): Omit<ListPage<never>, 'items'> {
  const text = Array.isArray(requested) ? requested[0] : requested;
  const asked = text !== undefined && /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : 1;
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(asked, 1), pages);
  return { page, pages, total, size };
}
