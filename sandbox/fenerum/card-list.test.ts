import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GatewayLookup } from '../gateways';
import { serve, type RunningServer } from '../http';
import { DEMO_ACCOUNT_UUIDS } from './demo-data';
import { createFenerumEmulator, type FenerumEmulator } from './emulator';

/** GET /paymentcards/?account= by code (PROVIDERS.md), its `ignore` switch, and cards without `token`. */
const TOKEN = 'test-fenerum-token';
const H = { Authorization: `Token ${TOKEN}`, 'X-Client-System': 'CardListTest' };
const lookupCard: GatewayLookup = (gateway, token) =>
  gateway === 'stripe_new' && token === 'pm_card_visa' ? { brand: 'Visa', last4: '4242', expMonth: 4, expYear: 2031 } : null;
const INVALID_CHOICE = { account: ['Select a valid choice. That choice is not one of the available choices.'] };

let emulator: FenerumEmulator;
let server: RunningServer;
beforeAll(async () => {
  emulator = createFenerumEmulator({ token: TOKEN, lookupCard });
  server = await serve(emulator, 0);
});
afterAll(() => server.close());
beforeEach(() => emulator.reset());

type Card = Record<string, unknown>;
async function call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.headers ?? H), ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as { count?: number; results?: Card[] } & Record<string, unknown> };
}
const settings = (body: unknown) => call('/__sandbox/settings', { method: 'POST', body, headers: {} });
const list = (query: string) => call(`/api/v1/paymentcards/?${query}&page_size=100`);

describe('the card list filter (cardListAccountFilter)', () => {
  it("is 'code' by default: ?account=<code> lists that account's cards only", async () => {
    const nordlys = await list('account=CUST001');
    expect(nordlys.body.count).toBe(4);
    expect(nordlys.body.results?.every((c) => c.account === DEMO_ACCOUNT_UUIDS.CUST001)).toBe(true);
    expect((await list('account=CUST002')).body.results?.map((c) => c.account)).toEqual([DEMO_ACCOUNT_UUIDS.CUST002]);
    expect((await list('account=CUST003')).body.count).toBe(0);
  });

  it('refuses a uuid or an unknown code as django-filter refuses an unknown choice', async () => {
    expect(await list(`account=${DEMO_ACCOUNT_UUIDS.CUST001}`)).toEqual({ status: 400, body: INVALID_CHOICE });
    expect(await list('account=NOPE')).toEqual({ status: 400, body: INVALID_CHOICE });
    expect(await list('account=cust001')).toEqual({ status: 400, body: INVALID_CHOICE });
  });

  it("'ignore' answers every account's cards whatever ?account= says; the control listing still filters", async () => {
    expect((await settings({ cardListAccountFilter: 'ignore' })).body).toMatchObject({ cardListAccountFilter: 'ignore' });
    const all = await call('/api/v1/paymentcards/?account=CUST003&page_size=100&page=1');
    expect(all.status).toBe(200);
    expect(all.body.count).toBe(emulator.state.cards.length);
    expect(new Set(all.body.results?.map((c) => c.account))).toContain(DEMO_ACCOUNT_UUIDS.CUST001);
    expect((await list(`account=${DEMO_ACCOUNT_UUIDS.CUST001}`)).status).toBe(200);
    const control = await call('/__sandbox/paymentcards?account=CUST001', { headers: {} });
    expect(control.body.count).toBe(4);
    expect((await call(`/__sandbox/paymentcards?account=${DEMO_ACCOUNT_UUIDS.CUST001}`, { headers: {} })).body.count).toBe(4);
  });

  it('refuses an unknown setting value', async () => {
    expect((await settings({ cardListAccountFilter: 'uuid' })).status).toBe(400);
  });
});

describe('card objects (cardTokens)', () => {
  const DOCUMENTED = ['account', 'active', 'brand', 'card_number', 'month', 'payment_gateway', 'uuid', 'year'];

  it('carry only the documented fields by default: no token, no created_date', async () => {
    const created = await call('/api/v1/paymentcards/', {
      method: 'POST',
      body: { account: DEMO_ACCOUNT_UUIDS.CUST003, gateway: 'stripe_new', token: 'pm_card_visa' },
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(DOCUMENTED);
    const listed = (await list('account=CUST003')).body.results ?? [];
    expect(listed.map((c) => Object.keys(c).sort())).toEqual([DOCUMENTED]);
    const one = await call(`/api/v1/paymentcards/${String(created.body.uuid)}/`);
    expect(Object.keys(one.body).sort()).toEqual(DOCUMENTED);
    const disabled = await call(`/api/v1/paymentcards/${String(created.body.uuid)}/disable/`, { method: 'POST' });
    expect(disabled.body).not.toHaveProperty('token');
    // The sandbox's own listing keeps what it stores, for tests.
    const stored = await call('/__sandbox/paymentcards?account=CUST003', { headers: {} });
    expect(stored.body.results?.[0]).toMatchObject({ token: 'pm_card_visa', created_date: expect.any(String) });
  });

  it('carry token when the switch is on (and still no created_date)', async () => {
    expect((await settings({ cardTokens: true })).body).toMatchObject({ cardTokens: true });
    const created = await call('/api/v1/paymentcards/', {
      method: 'POST',
      body: { account: DEMO_ACCOUNT_UUIDS.CUST003, gateway: 'stripe_new', token: 'pm_card_visa' },
    });
    expect(created.body).toMatchObject({ token: 'pm_card_visa' });
    expect(created.body).not.toHaveProperty('created_date');
    expect((await list('account=CUST003')).body.results?.[0]).toMatchObject({ token: 'pm_card_visa' });
  });
});

describe('which card is charged (cardDefaultField)', () => {
  const add = (token: string) => call('/api/v1/paymentcards/', { method: 'POST', body: { account: DEMO_ACCOUNT_UUIDS.CUST003, gateway: 'stripe_new', token } });

  it('is not said by default: no card object carries is_default', async () => {
    await add('pm_card_visa');
    const listed = (await list('account=CUST003')).body.results ?? [];
    expect(listed.length).toBeGreaterThan(0);
    for (const card of listed) expect(card).not.toHaveProperty('is_default');
  });

  it('marks the newest active card when the switch is on, and the next one once it is disabled', async () => {
    expect((await settings({ cardDefaultField: true })).body).toMatchObject({ cardDefaultField: true });
    const older = await add('pm_card_visa');
    const newer = await add('pm_card_visa');
    expect(newer.status).toBe(201);
    const marks = async () => Object.fromEntries(((await list('account=CUST003')).body.results ?? []).map((c) => [c.uuid, c.is_default]));
    expect(await marks()).toEqual({ [String(older.body.uuid)]: false, [String(newer.body.uuid)]: true });
    await call(`/api/v1/paymentcards/${String(newer.body.uuid)}/disable/`, { method: 'POST' });
    expect(await marks()).toEqual({ [String(older.body.uuid)]: true, [String(newer.body.uuid)]: false });
  });
});

describe('the bulk cards control makes legacy cards when asked', () => {
  it('gateway stripe: card_… tokens on the legacy gateway, with the expiry asked for; the API shows them as Fenerum does', async () => {
    const made = await call('/__sandbox/accounts/CUST003/cards', {
      method: 'POST',
      body: { count: 2, gateway: 'stripe', expMonth: 3, expYear: 2028 },
      headers: {},
    });
    expect(made).toEqual({ status: 201, body: { account: 'CUST003', count: 2 } });
    const cards = (await list('account=CUST003')).body.results ?? [];
    expect(cards.map((c) => [c.payment_gateway, c.month, c.year, c.active])).toEqual([
      ['stripe', 3, 2028, true],
      ['stripe', 3, 2028, true],
    ]);
    const stored = await call('/__sandbox/paymentcards?account=CUST003', { headers: {} });
    expect((stored.body.results ?? []).every((c) => String(c.token).startsWith('card_'))).toBe(true);
  });
  it('refuses a gateway it does not make', async () => {
    expect((await call('/__sandbox/accounts/CUST003/cards', { method: 'POST', body: { count: 1, gateway: 'quickpay' }, headers: {} })).status).toBe(400);
  });
});
