import type { FarpayClient } from '@/lib/farpay/client';
import { FARPAY_MAX_PAGE_SIZE } from '@/lib/farpay/client';
import { PAGE_SIZE, type PaymentFilters } from './filters';
import type { Payment, PaymentQuery } from './types';

export type PaymentsReader = Pick<FarpayClient, 'listPayments'>;

/**
 * Every page of a query, one at a time (newest first): FarPay gives no total, so a page that is
 * not full is the last. The next page is asked for while the caller works on this one (the
 * export then waits on FarPay and the client at once); at most two pages are held.
 */
export async function* eachPage(farpay: PaymentsReader, query: PaymentQuery, opts: { pageSize?: number; signal?: AbortSignal } = {}) {
  const pageSize = opts.pageSize ?? FARPAY_MAX_PAGE_SIZE;
  const ask = (page: number) => {
    const p = farpay.listPayments(query, { page, pageSize }, opts.signal);
    p.catch(() => {}); // seen when awaited below; a caller that stops early must not leave it unhandled
    return p;
  };
  let next = ask(0);
  for (let page = 0; ; page++) {
    const rows = await next;
    const more = rows.length === pageSize;
    if (more) next = ask(page + 1);
    if (rows.length > 0) yield rows;
    if (!more) return;
  }
}

/** One page of the payments list: FarPay's page, filtered by status here; `hasNext` when FarPay's page was full. */
export async function listPaymentsPage(farpay: PaymentsReader, f: PaymentFilters): Promise<{ rows: Payment[]; hasNext: boolean; farpayRows: number }> {
  const rows = await farpay.listPayments(f.query, { page: f.page, pageSize: PAGE_SIZE });
  return { rows: f.status ? rows.filter((r) => r.status === f.status) : rows, hasNext: rows.length === PAGE_SIZE, farpayRows: rows.length };
}

export const FAILED_STATUSES = ['PaymentFailed', 'PaymentRejected'];
/** How many payments the failed list reads through at most before asking for a shorter period. */
export const FAILED_SCAN_LIMIT = 50_000;

/** Failed and rejected payments of a period, newest first, one page of PAGE_SIZE. */
export async function listFailedPayments(
  farpay: PaymentsReader,
  period: { from: string; to: string },
  page: number,
): Promise<{ rows: Payment[]; hasNext: boolean; truncated: boolean }> {
  const want = (page + 1) * PAGE_SIZE + 1;
  const found: Payment[] = [];
  let read = 0;
  for await (const rows of eachPage(farpay, { mode: 'period', ...period })) {
    read += rows.length;
    found.push(...rows.filter((r) => r.sign === 'payment' && FAILED_STATUSES.includes(r.status)));
    if (found.length >= want) break;
    if (read >= FAILED_SCAN_LIMIT) return { rows: found.slice(page * PAGE_SIZE, want - 1), hasNext: false, truncated: true };
  }
  return { rows: found.slice(page * PAGE_SIZE, want - 1), hasNext: found.length >= want, truncated: false };
}
