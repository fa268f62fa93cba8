import { describe, expect, it } from 'vitest';
import { readFilters, readPeriod, searchOf } from './filters';

const TODAY = '2026-03-31';

describe('payment filters from the URL', () => {
  it('reads a period with type and status, paging 1-based in the URL', () => {
    const f = readFilters({ mode: 'period', from: '2025-01-01', to: '2025-01-31', type: 'Visa', status: 'Paid', page: '3' }, TODAY);
    expect(f).toEqual({ query: { mode: 'period', from: '2025-01-01', to: '2025-01-31', type: 'Visa' }, status: 'Paid', page: 2 });
    expect(searchOf(f as Exclude<typeof f, string>)).toBe('mode=period&from=2025-01-01&to=2025-01-31&status=Paid&type=Visa&page=3');
  });
  it('defaults to the last 30 days', () => {
    expect(readFilters({}, TODAY)).toEqual({ query: { mode: 'period', from: '2026-03-01', to: TODAY, type: undefined }, status: undefined, page: 0 });
  });
  it('reads a look-up by its own fields only: a forged URL with dates as well is still a look-up', () => {
    const f = readFilters({ mode: 'lookup', invoice: '123', from: '2025-01-01', to: '2025-02-01', status: 'Paid' }, TODAY);
    expect(f).toEqual({ query: { mode: 'lookup', invoiceId: 123, type: undefined }, page: 0 });
    expect(searchOf(f as Exclude<typeof f, string>)).toBe('mode=lookup&invoice=123');
  });
  it('names what is wrong', () => {
    expect(readFilters({ from: '2025-02-30' }, TODAY)).toBe('bad-date');
    expect(readFilters({ from: '2025-02-03', to: '2025-02-01' }, TODAY)).toBe('bad-range');
    expect(readFilters({ from: '2024-01-01', to: '2025-06-01' }, TODAY)).toBe('too-long');
    expect(readFilters({ mode: 'lookup' }, TODAY)).toBe('empty-lookup');
    expect(readFilters({ mode: 'lookup', invoice: '12a' }, TODAY)).toBe('bad-invoice');
    expect(readFilters({ mode: 'lookup', refund: '-1' }, TODAY)).toBe('bad-refund');
    expect(readFilters({ mode: 'lookup', reference: 'x'.repeat(101) }, TODAY)).toBe('bad-reference');
    expect(readFilters({ type: 'Amex' }, TODAY)).toBe('bad-type');
    expect(readFilters({ status: 'Nope' }, TODAY)).toBe('bad-status');
    expect(readPeriod({ from: ['2025-01-01', '2025-02-01'], to: '2025-01-02' }, TODAY)).toEqual({ from: '2025-01-01', to: '2025-01-02' });
  });
});
