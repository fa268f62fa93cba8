import { describe, expect, it } from 'vitest';
import type { PaymentCard } from '@/lib/domain/cards';
import { accountsOf, matchingCards } from './match-card';

const card = (over: Partial<PaymentCard>): PaymentCard => ({
  uuid: 'c1',
  accountUuid: 'A1',
  active: true,
  brand: 'Visa',
  last4: '4242',
  expMonth: 12,
  expYear: 2031,
  gateway: 'stripe_new',
  ...over,
});
const visa = { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2031 };

describe('which Fenerum cards could be the Stripe card a payment was made with', () => {
  it('matches gateway, last four, month, year and brand (Stripe "mastercard" reads as Fenerum "MasterCard")', () => {
    expect(matchingCards(visa, [card({})])).toHaveLength(1);
    expect(matchingCards({ ...visa, brand: 'mastercard', last4: '4444' }, [card({ brand: 'MasterCard', last4: '4444' })])).toHaveLength(1);
    expect(matchingCards({ ...visa, brand: 'amex' }, [card({ brand: 'American Express' })])).toHaveLength(1);
  });

  it.each([
    ['another last four', { last4: '4444' }],
    ['another month', { expMonth: 11 }],
    ['another year', { expYear: 2032 }],
    ['another brand', { brand: 'MasterCard' }],
    ['a QuickPay card', { gateway: 'quickpay' as const }],
  ])('does not match %s', (_, over) => {
    expect(matchingCards(visa, [card(over)])).toEqual([]);
  });

  it('a disabled card still counts (so a second account makes the answer ambiguous, never wrong)', () => {
    const found = matchingCards(visa, [card({}), card({ uuid: 'c2', accountUuid: 'a2', active: false }), card({ uuid: 'c3', accountUuid: 'a1' })]);
    expect(accountsOf(found)).toEqual(['a1', 'a2']);
  });
});
