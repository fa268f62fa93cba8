import { describe, expect, it } from 'vitest';
import type { Payment } from '@/lib/domain/payments';
import type { SearchGroup, SearchHit } from './hits';
import { jumpOf } from './search';

const account = (code: string, exact: boolean): SearchHit => ({ kind: 'account', href: `/staff/accounts/${code}`, exact, code, name: code, emails: [] });
const payment: SearchHit = { kind: 'payment', href: '/staff/payments/1000396', exact: true, payment: { id: 1000396 } as Payment };
const invoice: SearchHit = { kind: 'invoice', href: '/staff/payments?mode=lookup&invoice=1000396', exact: true, invoiceId: 1000396, payments: 1, more: false };
const card: SearchHit = {
  kind: 'card',
  href: '/staff/accounts/A/cards/x',
  exact: false,
  uuid: 'x',
  brand: 'Visa',
  last4: '4242',
  active: true,
  accountCode: 'A',
  accountName: 'A',
};
const group = (kind: SearchGroup['kind'], ...hits: SearchHit[]): SearchGroup => ({ kind, hits, truncated: false });

describe('jumpOf: when an exact id goes straight to its page', () => {
  it('one exact id and nothing else: its page', () => {
    expect(jumpOf([group('payment', payment), group('invoice'), group('account')])?.href).toBe('/staff/payments/1000396');
  });

  it('an exact account code beside lesser matches of accounts: the exact one', () => {
    expect(jumpOf([group('account', account('CUST001', true), account('CUST0010', false))])?.href).toBe('/staff/accounts/CUST001');
  });

  it('two exact ids (a payment and an invoice with the same number): the results, not a guess', () => {
    expect(jumpOf([group('payment', payment), group('invoice', invoice)])).toBeNull();
  });

  it('an exact id beside another kind found (cards ending in the same four digits): the results', () => {
    expect(jumpOf([group('card', card), group('payment', payment)])).toBeNull();
  });

  it('only lesser matches: the results', () => {
    expect(jumpOf([group('account', account('CUST001', false))])).toBeNull();
  });

  it('a kind whose provider did not answer may hold what was meant: the results', () => {
    expect(jumpOf([group('payment', payment), { kind: 'invoice', unavailable: true }])).toBeNull();
  });
});
