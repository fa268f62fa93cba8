import { describe, expect, it } from 'vitest';
import type { PaymentCard } from '@/lib/domain/cards';
import { findEarlierCard } from './find-earlier-card';

const ACCOUNT = '5b1e6f0a-3c2d-4e8f-9a1b-000000000005';
const reg = { accountCode: 'CUST005', accountUuid: ACCOUNT, gateway: 'quickpay' as const, cardLast4: '0006', cardExpMonth: 12, cardExpYear: 2030 };
const card = (uuid: string, over: Partial<PaymentCard> = {}): PaymentCard => ({
  uuid,
  accountUuid: ACCOUNT,
  active: true,
  brand: 'Dankort',
  last4: '0006',
  expMonth: 12,
  expYear: 2030,
  gateway: 'quickpay',
  ...over,
});

function deps(cards: PaymentCard[], held: string[] = []) {
  const asked: Array<{ code: string; uuid: string }> = [];
  return {
    asked,
    fenerum: {
      listPaymentCards: async (account: { code: string; uuid: string }) => {
        asked.push(account);
        return cards;
      },
    },
    alreadyRegistered: async (uuid: string) => held.includes(uuid),
  };
}

describe('findEarlierCard', () => {
  it('asks Fenerum for the account’s cards by code and uuid', async () => {
    const d = deps([]);
    await findEarlierCard(d, reg);
    expect(d.asked).toEqual([{ code: 'CUST005', uuid: ACCOUNT }]);
  });

  it('adopts the active card of the same gateway, last four and expiry', async () => {
    await expect(findEarlierCard(deps([card('a')]), reg)).resolves.toMatchObject({ uuid: 'a' });
  });

  it('adopts nothing that differs in gateway, last four, month, year, activity or account', async () => {
    const lookalikes = [
      card('g', { gateway: 'stripe_new' }),
      card('l', { last4: '0007' }),
      card('m', { expMonth: 11 }),
      card('y', { expYear: 2031 }),
      card('i', { active: false }),
      card('o', { accountUuid: '5b1e6f0a-3c2d-4e8f-9a1b-000000000004' }),
    ];
    await expect(findEarlierCard(deps(lookalikes), reg)).resolves.toBeUndefined();
  });

  it('never adopts a card a registration already holds, and takes the last listed (newest) one none holds', async () => {
    await expect(findEarlierCard(deps([card('a'), card('b'), card('c')], ['c']), reg)).resolves.toMatchObject({ uuid: 'b' });
    await expect(findEarlierCard(deps([card('old'), card('new')]), reg)).resolves.toMatchObject({ uuid: 'new' });
    await expect(findEarlierCard(deps([card('a')], ['a']), reg)).resolves.toBeUndefined();
  });

  it('recognises a card without expiry (SEPA: 0/0 at Fenerum, none at the provider)', async () => {
    const sepa = { ...reg, gateway: 'stripe_new' as const, cardLast4: '3000', cardExpMonth: null, cardExpYear: null };
    await expect(findEarlierCard(deps([card('s', { gateway: 'stripe_new', last4: '3000', expMonth: 0, expYear: 0 })]), sepa)).resolves.toMatchObject({
      uuid: 's',
    });
  });

  it('adopts nothing, and asks nothing, when the registration has no last four to recognise the card by', async () => {
    const d = deps([card('a')]);
    await expect(findEarlierCard(d, { ...reg, cardLast4: null })).resolves.toBeUndefined();
    expect(d.asked).toHaveLength(0);
  });
});
