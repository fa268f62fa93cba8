import { describe, expect, it } from 'vitest';
import type { PaymentCard } from '@/lib/domain/cards';
import { chargedCard, groupSameCards, removableCard } from './same-card';

const card = (uuid: string, over: Partial<PaymentCard> = {}): PaymentCard => ({
  uuid,
  accountUuid: 'acc',
  active: true,
  brand: 'Visa',
  last4: '4242',
  expMonth: 12,
  expYear: 2034,
  gateway: 'stripe_new',
  ...over,
});

describe('groupSameCards', () => {
  it('lists the same card (gateway, brand, last four, expiry) once, with every copy', () => {
    const groups = groupSameCards([card('a'), card('b', { brand: 'visa' }), card('c', { last4: '4444', brand: 'Mastercard' })]);
    expect(groups.map((g) => g.uuids)).toEqual([['a', 'b'], ['c']]);
  });

  it('keeps cards apart that differ in any of gateway, last four, month or year', () => {
    const groups = groupSameCards([
      card('a'),
      card('b', { gateway: 'quickpay' }),
      card('c', { last4: '1111' }),
      card('d', { expMonth: 11 }),
      card('e', { expYear: 2035 }),
    ]);
    expect(groups).toHaveLength(5);
  });

  it('says charged only from Fenerum: true from any copy, false from every copy, else unknown', () => {
    expect(groupSameCards([card('a'), card('b', { charged: true })])[0]?.charged).toBe(true);
    expect(groupSameCards([card('a', { charged: false }), card('b', { charged: false })])[0]?.charged).toBe(false);
    expect(groupSameCards([card('a', { charged: false }), card('b')])[0]?.charged).toBeUndefined();
    expect(groupSameCards([card('a')])[0]?.charged).toBeUndefined();
  });
});

describe('removableCard', () => {
  it('allows an old card while another stays active', () => {
    const r = removableCard([card('old', { expYear: 2030 }), card('new')], 'OLD');
    expect(r).toMatchObject({ ok: true, group: { uuids: ['old'] } });
  });

  it('refuses the last active card, also when Fenerum holds it twice', () => {
    expect(removableCard([card('only')], 'only')).toEqual({ ok: false, why: 'last' });
    expect(removableCard([card('a'), card('b')], 'b')).toEqual({ ok: false, why: 'last' });
  });

  it('removes every copy of a card added twice', () => {
    const r = removableCard([card('a'), card('b'), card('c', { last4: '4444' })], 'b');
    expect(r).toMatchObject({ ok: true, group: { uuids: ['a', 'b'] } });
  });

  it('does not know a card that is not among the active cards', () => {
    expect(removableCard([card('a'), card('b', { last4: '1' })], 'zzz')).toEqual({ ok: false, why: 'unknown' });
  });
});

describe('chargedCard', () => {
  it('names the one card Fenerum says it charges, and none when it does not say or says it of two', () => {
    expect(chargedCard(groupSameCards([card('a', { charged: false }), card('b', { last4: '1', charged: true })]))?.card.uuid).toBe('b');
    expect(chargedCard(groupSameCards([card('a'), card('b', { last4: '1' })]))).toBeNull();
    expect(chargedCard(groupSameCards([card('a', { charged: true }), card('b', { last4: '1', charged: true })]))).toBeNull();
  });
});
