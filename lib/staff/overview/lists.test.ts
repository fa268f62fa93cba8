import { describe, expect, it } from 'vitest';
import type { PaymentCard } from '@/lib/domain/cards';
import { expiringNextMonth, nextMonthOf } from './lists';

const card = (over: Partial<PaymentCard>): PaymentCard => ({
  uuid: 'c',
  accountUuid: 'A-UUID',
  active: true,
  brand: 'Visa',
  last4: '4242',
  expMonth: 1,
  expYear: 2027,
  gateway: 'stripe_new',
  ...over,
});

describe('cards expiring next month', () => {
  it('next month rolls over the year in December (UTC)', () => {
    expect(nextMonthOf(new Date('2026-12-31T23:30:00Z'))).toEqual({ year: 2027, month: 1 });
    expect(nextMonthOf(new Date('2026-06-01T00:00:00Z'))).toEqual({ year: 2026, month: 7 });
  });

  it('keeps active cards of next month only, with their account code (any case of uuid), unknown when the account index does not hold the account', () => {
    const rows = expiringNextMonth(
      [
        card({ uuid: '1', last4: '1111' }),
        card({ uuid: '2', last4: '2222', active: false }),
        card({ uuid: '3', last4: '3333', expMonth: 2 }),
        card({ uuid: '4', last4: '4444', expYear: 2028 }),
        card({ uuid: '5', last4: '5555', accountUuid: 'other' }),
      ],
      new Map([['a-uuid', { code: 'CUST9' }]]),
      new Date('2026-12-15T12:00:00Z'),
    );
    expect(rows.map((r) => [r.accountCode, r.subject, r.detail])).toEqual([
      [null, 'Visa •••• 5555', '01/2027'],
      ['CUST9', 'Visa •••• 1111', '01/2027'],
    ]);
  });
});
