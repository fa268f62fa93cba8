import type { PageRequest, Payment, PaymentQuery } from '@/lib/domain/payments';
import { isFarpayError } from './errors';

/**
 * How many records a listing asks for per page. FarPay documents only the default (100) and no
 * maximum (PROVIDERS.md "Page size"), so a larger page is asked for speed and never trusted:
 * see `pagesOf`.
 */
const FARPAY_ASKED_PAGE_SIZE = 1000;
/** seeds/003's documented default: what is asked after FarPay refuses a larger page. */
const FARPAY_DOCUMENTED_PAGE_SIZE = 100;

type List = (q: PaymentQuery, page: PageRequest, signal?: AbortSignal) => Promise<Payment[]>;

/**
 * One turn of the event loop, so the request for the next page is on the wire before the caller
 * works on this page: fetch sends in a later turn, and without this FarPay only heard of the next
 * page once the caller's synchronous work on this one was done (no overlap at all).
 */
const sent = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every page of a query, one at a time, so that a page size FarPay cuts without a word cannot
 * cut the listing short or skip records:
 * - page 0 is asked at 1000; a 400 for it is asked again at the documented 100;
 * - the first page tells the size FarPay serves: a full one proves the size asked; a shorter one
 *   is either the whole listing or FarPay's own cap (the two look the same), so paging goes on at
 *   the size FarPay served (page n at that size starts right after it): an empty page (or 204)
 *   ends it, and so does a later page shorter than that size (FarPay's cap is at least it).
 *   A listing shorter than 1000 costs one more request.
 * The next pages are asked for while the caller works on this one; at most three pages are held.
 */
export async function* pagesOf(list: List, query: PaymentQuery, opts: { pageSize?: number; signal?: AbortSignal } = {}): AsyncGenerator<Payment[]> {
  let size = opts.pageSize ?? FARPAY_ASKED_PAGE_SIZE;
  const ask = (page: number) => {
    const p = list(query, { page, pageSize: size }, opts.signal);
    p.catch(() => {}); // seen when awaited below; a caller that stops early must not leave it unhandled
    return p;
  };
  let first: Payment[];
  try {
    first = await ask(0);
  } catch (err) {
    if (!(isFarpayError(err) && err.status === 400 && err.code === undefined && size > FARPAY_DOCUMENTED_PAGE_SIZE)) throw err;
    size = FARPAY_DOCUMENTED_PAGE_SIZE;
    first = await ask(0);
  }
  if (first.length === 0) return;
  // From here on `size` is what FarPay served: at most its cap, so a page shorter than it is the last.
  // After a full first page (a long listing) two pages are asked ahead, so FarPay always has the
  // next one in hand; after a short one (mostly a look-up of a few records) only the one.
  const ahead = first.length === size ? 2 : 1;
  size = first.length;
  const queue: Array<Promise<Payment[]>> = [];
  for (let k = 1; k <= ahead; k++) queue.push(ask(k));
  await sent();
  yield first;
  for (let page = 1; ; page++) {
    const rows = await (queue.shift() as Promise<Payment[]>);
    if (rows.length === 0) return;
    const more = rows.length === size;
    if (more) {
      queue.push(ask(page + ahead));
      await sent();
    }
    yield rows;
    if (!more) return;
  }
}
