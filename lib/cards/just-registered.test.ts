import { describe, expect, it } from 'vitest';
import type { PaymentCard } from '@/lib/domain/cards';
import { withJustRegistered } from './just-registered';

const card = (uuid: string, active = true): PaymentCard => ({
  uuid,
  accountUuid: 'acc',
  active,
  brand: 'Visa',
  last4: '4242',
  expMonth: 12,
  expYear: 2034,
  gateway: 'stripe_new',
});
const just = (uuid: string) => ({ uuid, gateway: 'stripe_new' as const, brand: 'Visa', last4: '1881', expMonth: 7, expYear: 2037 });

describe('withJustRegistered', () => {
  it('lists a card just registered that Fenerum’s (cached) list does not have yet, as active and the account’s', () => {
    expect(withJustRegistered([card('a')], [just('b')], 'acc')).toEqual([card('a'), { ...just('b'), accountUuid: 'acc', active: true }]);
  });

  it('leaves a card the list has to Fenerum, even one disabled since', () => {
    expect(withJustRegistered([card('a'), card('b', false)], [just('b')], 'acc')).toEqual([card('a'), card('b', false)]);
  });

  it('changes nothing when nothing was registered a moment ago', () => {
    expect(withJustRegistered([card('a')], [], 'acc')).toEqual([card('a')]);
  });
});
