import type { FarpayClient } from '@/lib/farpay/client';
import { pagesOf } from '@/lib/farpay/paging';
import { PAGE_SIZE, type PaymentFilters } from './filters';
import type { Payment, PaymentQuery } from '@/lib/domain/payments';

export type PaymentsReader = Pick<FarpayClient, 'listPayments'>;

/** Every page of a query, newest first, never cut short by a page size FarPay caps (lib/farpay/paging.ts). */
export const eachPage = (farpay: PaymentsReader, query: PaymentQuery, opts: { pageSize?: number; signal?: AbortSignal } = {}) =>
  pagesOf((q, page, signal) => farpay.listPayments(q, page, signal), query, opts);

/** One page of the payments list: FarPay's page, filtered by status here; `hasNext` when FarPay's page was full. */
export async function listPaymentsPage(farpay: PaymentsReader, f: PaymentFilters): Promise<{ rows: Payment[]; hasNext: boolean; farpayRows: number }> {
  const rows = await farpay.listPayments(f.query, { page: f.page, pageSize: PAGE_SIZE });
  return { rows: f.status ? rows.filter((r) => r.status === f.status) : rows, hasNext: rows.length === PAGE_SIZE, farpayRows: rows.length };
}

const FAILED_STATUSES = ['PaymentFailed', 'PaymentRejected'];
/** How many payments the failed list reads through at most before asking for a shorter period. */
const FAILED_SCAN_LIMIT = 50_000;

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
