import { describe, expect, it } from 'vitest';
import type { Payment } from '@/lib/domain/payments';
import { PAGE_SIZE } from './filters';
import { listPaymentsPage, type PaymentsReader } from './pages';

/** FarPay holding `n` records of a period: page p of size s is records p·s … p·s+s−1 (seeds/003's paging). */
function farpayWith(n: number): PaymentsReader & { asked: Array<{ page: number; pageSize: number }> } {
  const all = Array.from({ length: n }, (_, i) => ({ id: i + 1, status: 'Paid' }) as Payment);
  const asked: Array<{ page: number; pageSize: number }> = [];
  return {
    asked,
    listPayments: async (_q, page) => {
      asked.push(page);
      return all.slice(page.page * page.pageSize, (page.page + 1) * page.pageSize);
    },
  };
}

const query = { query: { mode: 'period' as const, from: '2025-01-01', to: '2025-01-31' }, page: 0 };

describe('the payments pager', () => {
  it('a full last page offers no "next" (FarPay gives no total: the record after it is asked for)', async () => {
    expect((await listPaymentsPage(farpayWith(PAGE_SIZE), query)).hasNext).toBe(false);
    expect((await listPaymentsPage(farpayWith(2 * PAGE_SIZE), { ...query, page: 1 })).hasNext).toBe(false);
  });

  it('offers "next" when one more record exists, and asks nothing more after a short page', async () => {
    expect((await listPaymentsPage(farpayWith(PAGE_SIZE + 1), query)).hasNext).toBe(true);
    const short = farpayWith(10);
    expect((await listPaymentsPage(short, query)).hasNext).toBe(false);
    expect(short.asked).toHaveLength(1);
  });
});
