import type { FarpayClient } from '@/lib/farpay/client';
import { pagesOf } from '@/lib/farpay/paging';
import { PAGE_SIZE, type PaymentFilters } from './filters';
import type { Payment, PaymentQuery } from '@/lib/domain/payments';

export type PaymentsReader = Pick<FarpayClient, 'listPayments'>;

/** Every page of a query, newest first, never cut short by a page size FarPay caps (lib/farpay/paging.ts). */
export const eachPage = (farpay: PaymentsReader, query: PaymentQuery, opts: { pageSize?: number; signal?: AbortSignal } = {}) =>
  pagesOf((q, page, signal) => farpay.listPayments(q, page, signal), query, opts);

/**
 * One page of the payments list: FarPay's page, filtered by status here. FarPay gives no total,
 * and a full page may be the last: `hasNext` only when the record right after this page exists,
 * asked as a page of one (page n of size 1 is record n), so "next" never leads to an empty page.
 */
export async function listPaymentsPage(farpay: PaymentsReader, f: PaymentFilters): Promise<{ rows: Payment[]; hasNext: boolean; farpayRows: number }> {
  const rows = await farpay.listPayments(f.query, { page: f.page, pageSize: PAGE_SIZE });
  const hasNext = rows.length === PAGE_SIZE && (await farpay.listPayments(f.query, { page: (f.page + 1) * PAGE_SIZE, pageSize: 1 })).length > 0;
  return { rows: f.status ? rows.filter((r) => r.status === f.status) : rows, hasNext, farpayRows: rows.length };
}
