import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFenerumClient } from '@/lib/fenerum/client';
import type { GatewayLookup } from '@/sandbox/gateways';
import { serve, type RunningServer } from '@/sandbox/http';
import { createFenerumEmulator } from '@/sandbox/fenerum/emulator';
import { chargedCard, groupSameCards } from './same-card';

/**
 * Which card Fenerum charges is unconfirmed (PROVIDERS.md): the app against both settings of the
 * emulator's `cardDefaultField` switch, through the real client, on an emulator of the test's own.
 */
const TOKEN = 'charged-card-test';
const lookupCard: GatewayLookup = (gateway, token) => {
  if (gateway !== 'stripe_new') return null;
  if (token === 'pm_card_visa') return { brand: 'Visa', last4: '4242', expMonth: 4, expYear: 2031 };
  if (token === 'pm_card_mastercard') return { brand: 'Mastercard', last4: '4444', expMonth: 5, expYear: 2032 };
  return null;
};

const emulator = createFenerumEmulator({ token: TOKEN, lookupCard });
let server: RunningServer;
beforeAll(async () => void (server = await serve(emulator, 0)));
afterAll(() => server.close());

async function cardsWith(cardDefaultField: boolean) {
  emulator.reset();
  await fetch(`${server.url}/__sandbox/settings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ cardDefaultField }),
  });
  const client = createFenerumClient({ apiUrl: `${server.url}/api/v1`, token: TOKEN, clientSystem: 'ChargedCardTest', ratePerMinute: 600 });
  // An account of the test's own, without the demo data's cards.
  const res = await fetch(`${server.url}/__sandbox/accounts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  const account = (await res.json()) as { uuid: string; code: string };
  const visa = await client.createPaymentCard({ accountUuid: account.uuid, gateway: 'stripe_new', token: 'pm_card_visa' });
  const mastercard = await client.createPaymentCard({ accountUuid: account.uuid, gateway: 'stripe_new', token: 'pm_card_mastercard' });
  const cards = (await client.listPaymentCards({ code: account.code, uuid: account.uuid })).filter((c) => c.active);
  return { cards, visa, mastercard };
}

describe('the card Fenerum charges', () => {
  it('is claimed of no card when Fenerum does not say (the default: no public document shows such a field)', async () => {
    const { cards } = await cardsWith(false);
    expect(cards.every((c) => c.charged === undefined)).toBe(true);
    expect(chargedCard(groupSameCards(cards))).toBeNull();
  });

  it('is the card Fenerum marks, when it marks one (the switch on)', async () => {
    const { cards, mastercard } = await cardsWith(true);
    expect(cards.map((c) => c.charged).sort()).toEqual([false, true]);
    expect(chargedCard(groupSameCards(cards))?.card.uuid).toBe(mastercard.uuid);
  });
});
