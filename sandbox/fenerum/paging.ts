import type http from 'node:http';

/** DRF PageNumberPagination as Fenerum documents it: page from 1, page_size default 20, max 100. */
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

type Page<T> = { count: number; next: string | null; previous: string | null; results: T[] };
export type PageResult<T> = { ok: true; page: Page<T> } | { ok: false };

/** DRF: a page_size that is not a positive integer is ignored; above the maximum it is clamped. */
function pageSize(raw: string | null): number {
  if (raw === null || !/^\d+$/.test(raw)) return DEFAULT_PAGE_SIZE;
  const n = Number(raw);
  if (n <= 0) return DEFAULT_PAGE_SIZE;
  return Math.min(n, MAX_PAGE_SIZE);
}

/** The absolute URL of this request, from its Host header (as Django's build_absolute_uri). */
export function absoluteUrl(req: http.IncomingMessage, url: URL): URL {
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  const host = req.headers.host ?? url.host;
  return new URL(`${url.pathname}${url.search}`, `${proto}://${host}`);
}

/** One page of `items`, or not ok for an out-of-range or malformed page (DRF: 404 "Invalid page."). */
export function paginate<T>(items: readonly T[], req: http.IncomingMessage, url: URL): PageResult<T> {
  const size = pageSize(url.searchParams.get('page_size'));
  const rawPage = url.searchParams.get('page') ?? '1';
  const pages = Math.max(1, Math.ceil(items.length / size)); // an empty first page is allowed
  const page = rawPage === 'last' ? pages : /^\d+$/.test(rawPage) ? Number(rawPage) : NaN;
  if (!Number.isInteger(page) || page < 1 || page > pages) return { ok: false };

  const self = absoluteUrl(req, url);
  const link = (n: number): string => {
    const u = new URL(self);
    if (n === 1) u.searchParams.delete('page');
    else u.searchParams.set('page', String(n));
    return u.toString();
  };
  return {
    ok: true,
    page: {
      count: items.length,
      next: page < pages ? link(page + 1) : null,
      previous: page > 1 ? link(page - 1) : null,
      results: items.slice((page - 1) * size, page * size),
    },
  };
}
