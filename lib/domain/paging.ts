/** One page of a list held whole: its items, its number (1-based) and how many pages there are. */
export type ListPage<T> = { items: T[]; page: number; pages: number; total: number; size: number };

/**
 * The page of `items` a URL asks for (`?page=` text, 1-based). A missing, malformed or zero page
 * is the first; one past the end is the last, so a stale link never shows an empty list.
 */
export function pageOf<T>(items: readonly T[], requested: string | string[] | undefined, size: number): ListPage<T> {
  const text = Array.isArray(requested) ? requested[0] : requested;
  const asked = text !== undefined && /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : 1;
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(Math.max(asked, 1), pages);
  return { items: items.slice((page - 1) * size, page * size), page, pages, total: items.length, size };
}
