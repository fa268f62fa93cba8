import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GatewayLookup } from '../gateways';
import { serve, type RunningServer } from '../http';
import { DEMO_ACCOUNT_UUIDS, demoCards } from './demo-data';
import { createFenerumEmulator, type FenerumEmulator } from './emulator';

const TOKEN = 'test-fenerum-token';
const H = { Authorization: `Token ${TOKEN}`, 'X-Client-System': 'EmulatorTest' };
const NORDLYS = DEMO_ACCOUNT_UUIDS.CUST001;
const STORKUNDE = DEMO_ACCOUNT_UUIDS.CUST004;

const lookupCard: GatewayLookup = (gateway, token) => {
  if (gateway === 'stripe_new' && token === 'pm_card_visa') return { brand: 'Visa', last4: '4242', expMonth: 4, expYear: 2031 };
  if (gateway === 'quickpay' && token === '12345678') return { brand: 'Dankort', last4: '0006', expMonth: 1, expYear: 2030 };
  return null;
};

let nowMs = Date.parse('2026-12-10T12:00:00Z');
let emulator: FenerumEmulator;
let server: RunningServer;

beforeAll(async () => {
  emulator = createFenerumEmulator({ token: TOKEN, lookupCard, now: () => new Date(nowMs) });
  server = await serve(emulator, 0);
});
afterAll(() => server.close());
beforeEach(() => {
  nowMs = Date.parse('2026-12-10T12:00:00Z');
  emulator.reset();
});

async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.headers ?? H), ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { results?: Array<Record<string, unknown>> },
  };
}
function rawGet(path: string, headers: Record<string, string>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${path}`, { headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve(JSON.parse(text) as Record<string, unknown>));
    });
    req.on('error', reject);
    req.end();
  });
}
const post = (path: string, body?: unknown, headers: Record<string, string> = H) => call(path, { method: 'POST', body, headers });
const control = (path: string, body: unknown) => call(path, { method: 'POST', body, headers: {} });

describe('authentication and required headers', () => {
  it('answers 401 without credentials, with a wrong token, and with a malformed header', async () => {
    const none = await call('/api/v1/accounts/', { headers: { 'X-Client-System': 'x' } });
    expect(none).toMatchObject({ status: 401, body: { detail: 'Authentication credentials were not provided.' } });
    expect(none.headers.get('www-authenticate')).toBe('Token');
    expect(await call('/api/v1/accounts/', { headers: { ...H, Authorization: 'Token wrong' } })).toMatchObject({
      status: 401,
      body: { detail: 'Invalid token.' },
    });
    expect(await call('/api/v1/accounts/', { headers: { ...H, Authorization: `Bearer ${TOKEN}` } })).toMatchObject({ status: 401 });
    expect(await call('/api/v1/accounts/', { headers: { ...H, Authorization: 'Token' } })).toMatchObject({
      status: 401,
      body: { detail: 'Invalid token header. No credentials provided.' },
    });
  });

  it('answers 400 without X-Client-System, naming the header', async () => {
    const r = await call('/api/v1/accounts/', { headers: { Authorization: `Token ${TOKEN}` } });
    expect(r.status).toBe(400);
    expect(String(r.body.detail)).toMatch(/X-Client-System.*required/);
  });
});

describe('accounts', () => {
  it('reads an account by code with Fenerum-like fields and no email (no public document has one), 404 for an unknown code', async () => {
    const r = await call('/api/v1/accounts/CUST001/');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ uuid: NORDLYS, code: 'CUST001', company_name: 'Nordlys ApS', legal_country: 'DK' });
    expect(Object.keys(r.body).sort()).toEqual([
      'code',
      'company_name',
      'created_date',
      'language',
      'legal_address',
      'legal_city',
      'legal_country',
      'legal_zipcode',
      'uuid',
    ]);
    expect(await call('/api/v1/accounts/NOPE/')).toMatchObject({ status: 404, body: { detail: 'Not found.' } });
  });

  it('shows the undocumented billing_email only with the accountBillingEmail switch', async () => {
    await control('/__sandbox/settings', { accountBillingEmail: true });
    expect((await call('/api/v1/accounts/CUST001/')).body).toMatchObject({ billing_email: 'faktura@nordlys.dk' });
    expect((await call('/api/v1/accounts/')).body.results?.[0]).toMatchObject({ billing_email: 'faktura@nordlys.dk' });
    await control('/__sandbox/settings', { accountBillingEmail: false });
    expect((await call('/api/v1/accounts/CUST001/')).body).not.toHaveProperty('billing_email');
  });

  it('shows the undocumented account currency only with the accountCurrency switch', async () => {
    expect((await call('/api/v1/accounts/CUST001/')).body).not.toHaveProperty('currency');
    await control('/__sandbox/settings', { accountCurrency: true });
    try {
      expect((await call('/api/v1/accounts/CUST001/')).body).toMatchObject({ currency: 'DKK', legal_country: 'DK' });
      const made = await control('/__sandbox/accounts', { currency: 'EUR', country: 'DE' });
      expect(made.body).toMatchObject({ currency: 'EUR', legal_country: 'DE' });
    } finally {
      await control('/__sandbox/settings', { accountCurrency: false });
    }
  });

  it('lists accounts as a page', async () => {
    const r = await call('/api/v1/accounts/');
    expect(r.body).toMatchObject({ count: 5, next: null, previous: null });
    expect(r.body.results?.map((a) => a.code)).toEqual(['CUST001', 'CUST002', 'CUST003', 'CUST004', 'CUST005']);
  });
});

describe('paging', () => {
  it('serves 20 by default with absolute next/previous links built from the Host header', async () => {
    const first = await call(`/api/v1/paymentcards/?account=CUST004`);
    expect(first.body.count).toBeGreaterThanOrEqual(120);
    expect(first.body.results).toHaveLength(20);
    expect(first.body.previous).toBeNull();
    expect(first.body.next).toBe(`${server.url}/api/v1/paymentcards/?account=CUST004&page=2`);
    const second = await call(`/api/v1/paymentcards/?account=CUST004&page=2`);
    expect(second.body.previous).toBe(`${server.url}/api/v1/paymentcards/?account=CUST004`);
    expect(second.body.results?.[0]?.uuid).not.toBe(first.body.results?.[0]?.uuid);
    // fetch will not set Host; a raw request can (as a proxy in front of Fenerum would).
    const other = await rawGet(`/api/v1/paymentcards/?account=CUST004`, { ...H, Host: 'fenerum.example:8443' });
    expect(other.next).toBe(`http://fenerum.example:8443/api/v1/paymentcards/?account=CUST004&page=2`);
  });

  it('clamps page_size to 100, ignores a bad one, and 404s a page out of range', async () => {
    expect((await call(`/api/v1/paymentcards/?account=CUST004&page_size=1000`)).body.results).toHaveLength(100);
    expect((await call(`/api/v1/paymentcards/?account=CUST004&page_size=abc`)).body.results).toHaveLength(20);
    const count = Number((await call(`/api/v1/paymentcards/?account=CUST004`)).body.count);
    const last = Math.ceil(count / 100);
    const lastPage = await call(`/api/v1/paymentcards/?account=CUST004&page_size=100&page=${last}`);
    expect(lastPage.body.results).toHaveLength(count - (last - 1) * 100);
    expect(lastPage.body.next).toBeNull();
    for (const page of [String(last + 1), '0', 'x']) {
      expect(await call(`/api/v1/paymentcards/?account=CUST004&page_size=100&page=${page}`)).toMatchObject({ status: 404, body: { detail: 'Invalid page.' } });
    }
    expect((await call(`/api/v1/paymentcards/?account=CUST003`)).body).toEqual({ count: 0, next: null, previous: null, results: [] });
  });
});

describe('payment cards', () => {
  it('filters by account code and active (more in card-list.test.ts)', async () => {
    const all = await call(`/api/v1/paymentcards/?account=CUST001`);
    expect(all.body.count).toBe(4);
    expect(all.body.results?.every((c) => c.account === NORDLYS)).toBe(true);
    const active = await call(`/api/v1/paymentcards/?account=CUST001&active=true`);
    expect(active.body.count).toBe(3);
    expect((await call(`/api/v1/paymentcards/?account=CUST001&active=false`)).body.count).toBe(1);
  });

  it('shows a card with its number masked to the last four', async () => {
    const list = await call(`/api/v1/paymentcards/?account=CUST001`);
    const uuid = String(list.body.results?.[0]?.uuid);
    const r = await call(`/api/v1/paymentcards/${uuid}/`);
    expect(r.body).toMatchObject({
      uuid,
      active: true,
      brand: 'Visa',
      card_number: 'XXXXXXXXXXXX4242',
      month: 12,
      year: 2034,
      payment_gateway: 'stripe_new',
      account: NORDLYS,
    });
    expect(await call('/api/v1/paymentcards/00000000-0000-4000-8000-000000000000/')).toMatchObject({ status: 404, body: { detail: 'Not found.' } });
  });

  it('answers every bad field at once, DRF style', async () => {
    const r = await post('/api/v1/paymentcards/', { account: '00000000-0000-4000-8000-000000000000', gateway: 'paypal' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      account: ['Object with uuid=00000000-0000-4000-8000-000000000000 does not exist.'],
      gateway: ['"paypal" is not a valid choice.'],
      token: ['This field is required.'],
    });
  });

  it('checks the token format against the gateway', async () => {
    for (const [gateway, token] of [
      ['stripe_new', '12345678'],
      ['quickpay', 'pm_card_visa'],
      ['stripe', 'pm_card_visa'],
    ] as const) {
      const r = await post('/api/v1/paymentcards/', { account: NORDLYS, gateway, token });
      expect(r.status).toBe(400);
      expect(Object.keys(r.body)).toEqual(['token']);
    }
  });

  it('refuses a token the gateway does not know', async () => {
    const r = await post('/api/v1/paymentcards/', { account: NORDLYS, gateway: 'stripe_new', token: 'pm_unknown' });
    expect(r.status).toBe(400);
    expect(r.body.token).toHaveLength(1);
  });

  it('creates a card from what the gateway knows, records X-User, and makes a second card for the same token', async () => {
    const headers = { ...H, 'X-User': 'staff@merchant.dk' };
    const a = await post('/api/v1/paymentcards/', { account: DEMO_ACCOUNT_UUIDS.CUST003, gateway: 'quickpay', token: '12345678' }, headers);
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({
      active: true,
      brand: 'Dankort',
      card_number: 'XXXXXXXXXXXX0006',
      month: 1,
      year: 2030,
      payment_gateway: 'quickpay',
      account: DEMO_ACCOUNT_UUIDS.CUST003,
    });
    const b = await post('/api/v1/paymentcards/', { account: DEMO_ACCOUNT_UUIDS.CUST003, gateway: 'quickpay', token: '12345678' }, headers);
    expect(b.status).toBe(201);
    expect(b.body.uuid).not.toBe(a.body.uuid);
    const stored = await call('/__sandbox/paymentcards?account=CUST003', { headers: {} });
    expect(stored.body.count).toBe(2);
    expect(stored.body.results?.map((c) => c.created_by)).toEqual(['staff@merchant.dk', 'staff@merchant.dk']);
    expect(emulator.state.audit.filter((e) => e.path === '/api/v1/paymentcards/').map((e) => [e.status, e.user])).toEqual([
      [201, 'staff@merchant.dk'],
      [201, 'staff@merchant.dk'],
    ]);
  });

  it('can refuse QuickPay cards with a per-field 400 on gateway (quickpayCards: refuse), and takes them by default', async () => {
    await control('/__sandbox/settings', { quickpayCards: 'refuse' });
    const refused = await post('/api/v1/paymentcards/', { account: DEMO_ACCOUNT_UUIDS.CUST003, gateway: 'quickpay', token: '12345678' });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ gateway: ['Currently Stripe is the only supported gateway for payment cards.'] });
    await control('/__sandbox/settings', { quickpayCards: 'accept' });
    expect((await post('/api/v1/paymentcards/', { account: DEMO_ACCOUNT_UUIDS.CUST003, gateway: 'quickpay', token: '12345678' })).status).toBe(201);
  });

  it('disables a card (repeatably) and records who did', async () => {
    const uuid = String((await call(`/api/v1/paymentcards/?account=CUST001`)).body.results?.[0]?.uuid);
    const r = await post(`/api/v1/paymentcards/${uuid}/disable/`, undefined, { ...H, 'X-User': 'ops@merchant.dk' });
    expect(r).toMatchObject({ status: 200, body: { uuid, active: false } });
    expect((await post(`/api/v1/paymentcards/${uuid}/disable/`)).body.active).toBe(false);
    expect(emulator.state.cards.find((c) => c.uuid === uuid)?.disabledBy).toBe('ops@merchant.dk');
    expect((await post('/api/v1/paymentcards/00000000-0000-4000-8000-000000000000/disable/')).status).toBe(404);
  });
});

describe('self-service', () => {
  it('answers a url for a valid email and per-field 400s otherwise', async () => {
    const r = await post('/api/self-service/initiate-organization/', { email: 'kunde@nordlys.dk' });
    expect(r.status).toBe(200);
    const page = await fetch(String(r.body.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('kunde@nordlys.dk');
    expect(await post('/api/self-service/initiate-organization/', {})).toMatchObject({ status: 400, body: { email: ['This field is required.'] } });
    expect(await post('/api/self-service/initiate-organization/', { email: 'nope' })).toMatchObject({
      status: 400,
      body: { email: ['Enter a valid email address.'] },
    });
  });
});

describe('rate limit', () => {
  it('lets 60 calls a minute through, then 429s with Retry-After until the oldest leaves the window', async () => {
    for (let i = 0; i < 60; i++) {
      expect((await call('/api/v1/accounts/CUST001/')).status).toBe(200);
      nowMs += 500; // 60 calls over 30 s
    }
    const refused = await call('/api/v1/accounts/CUST001/');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.body).toEqual({ detail: 'Request was throttled. Expected available in 30 seconds.' });
    nowMs += 30_000; // the first call is now a minute old: one slot frees
    expect((await call('/api/v1/accounts/CUST001/')).status).toBe(200);
    const again = await call('/api/v1/accounts/CUST001/');
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('1'); // the second call leaves in 500 ms
    expect(again.body).toEqual({ detail: 'Request was throttled. Expected available in 1 second.' });
    nowMs += 500;
    expect((await call('/api/v1/accounts/CUST001/')).status).toBe(200);
    expect((await call('/__sandbox/stats', { headers: {} })).body).toMatchObject({ total: 64, throttled: 2, byStatus: { '200': 62, '429': 2 } });
  });

  it('can be set lower, or switched off; control calls do not count', async () => {
    await control('/__sandbox/settings', { rateLimit: { perMinute: 2 } });
    for (let i = 0; i < 5; i++) await call('/__sandbox/stats', { headers: {} });
    expect((await call('/api/v1/accounts/')).status).toBe(200);
    expect((await call('/api/v1/accounts/')).status).toBe(200);
    expect((await call('/api/v1/accounts/')).status).toBe(429);
    await control('/__sandbox/settings', { rateLimit: { enabled: false } });
    for (let i = 0; i < 5; i++) expect((await call('/api/v1/accounts/')).status).toBe(200);
    expect((await control('/__sandbox/settings', { rateLimit: { perMinute: 0 } })).status).toBe(400);
  });
});

describe('failNext, reset and stats', () => {
  it('answers the next calls with the status asked for, then recovers', async () => {
    await control('/__sandbox/settings', { failNext: { status: 503, count: 2 } });
    expect((await call('/api/v1/accounts/')).status).toBe(503);
    expect((await call('/api/v1/accounts/')).status).toBe(503);
    expect((await call('/api/v1/accounts/')).status).toBe(200);
    await control('/__sandbox/settings', { failNext: { status: 429, count: 1, retryAfter: 7 } });
    const r = await call('/api/v1/accounts/');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    const stats = await call('/__sandbox/stats', { headers: {} });
    expect(stats.body).toMatchObject({ total: 4, byStatus: { '200': 1, '503': 2, '429': 1 }, throttled: 1 });
  });

  it('with an account, fails only the calls that name it (code or uuid), so other callers never see it', async () => {
    await control('/__sandbox/settings', { failNext: { status: 429, count: 2, retryAfter: 30, account: 'CUST002' } });
    expect((await call('/api/v1/accounts/CUST001/')).status).toBe(200);
    expect((await call('/api/v1/paymentcards/?account=CUST001')).status).toBe(200);
    const named = await call('/api/v1/accounts/CUST002/');
    expect(named.status).toBe(429);
    expect(named.headers.get('retry-after')).toBe('30');
    expect((await call(`/api/v1/paymentcards/?account=${DEMO_ACCOUNT_UUIDS.CUST002}`)).status).toBe(429);
    expect((await call('/api/v1/accounts/CUST002/')).status).toBe(200);
  });

  it('with a method and a path, fails only those calls', async () => {
    await control('/__sandbox/settings', { failNext: { status: 400, count: 1, method: 'POST', path: '/api/v1/paymentcards/' } });
    expect((await call('/api/v1/paymentcards/?account=CUST001')).status).toBe(200);
    const refused = await post('/api/v1/paymentcards/', { account: DEMO_ACCOUNT_UUIDS.CUST003, gateway: 'stripe_new', token: 'pm_card_visa' });
    expect(refused.status).toBe(400);
    expect((await post('/api/v1/paymentcards/', { account: DEMO_ACCOUNT_UUIDS.CUST003, gateway: 'stripe_new', token: 'pm_card_visa' })).status).toBe(201);
    await control('/__sandbox/settings', { failNext: { status: 503, count: 1, path: '/api/v1/paymentcards/' } });
    expect((await call('/api/v1/accounts/')).status).toBe(200);
    expect((await call('/api/v1/paymentcards/?account=CUST001')).status).toBe(503);
    expect((await control('/__sandbox/settings', { failNext: { status: 400, count: 1, path: 'paymentcards' } })).status).toBe(400);
  });

  it('resets to the demo data and the default settings', async () => {
    await control('/__sandbox/settings', { rateLimit: { enabled: false, perMinute: 3 }, cardListAccountFilter: 'ignore', cardTokens: true });
    await post('/api/v1/paymentcards/', { account: DEMO_ACCOUNT_UUIDS.CUST003, gateway: 'stripe_new', token: 'pm_card_visa' });
    expect((await control('/__sandbox/reset', {})).status).toBe(200);
    expect((await call('/__sandbox/paymentcards?account=CUST003', { headers: {} })).body.count).toBe(0);
    expect((await call('/__sandbox/settings', { headers: {} })).body).toEqual({
      rateLimit: { enabled: true, perMinute: 60 },
      failNext: null,
      cardListAccountFilter: 'code',
      cardTokens: false,
      quickpayCards: 'accept',
      recipientListAccountFilter: 'code',
      accountBillingEmail: false,
      accountCurrency: false,
      paymentWebhookFields: 'documented',
      cardDefaultField: false,
    });
    expect((await call('/__sandbox/stats', { headers: {} })).body).toEqual({ total: 0, byStatus: {}, throttled: 0 });
  });
});

describe('demo data', () => {
  it('gives Nordlys ApS the cards the portal demo needs, one expiring next month', async () => {
    const cards = (await call('/__sandbox/paymentcards?account=CUST001', { headers: {} })).body.results ?? [];
    const summary = cards.map((c) => [c.brand, String(c.card_number).slice(-4), c.active, c.payment_gateway, c.month, c.year]);
    expect(summary).toEqual([
      ['Visa', '4242', true, 'stripe_new', 12, 2034],
      ['Mastercard', '4444', true, 'stripe_new', 1, 2027], // now is December 2026
      ['Visa', '0341', false, 'stripe_new', 3, 2029],
      ['Visa', '5556', true, 'stripe', 8, 2030],
    ]);
    expect(cards.find((c) => c.payment_gateway === 'stripe')?.token).toMatch(/^card_/);
  });

  it('has a Dankort on CUST002, nothing on CUST003, 120+ mixed cards on Storkunde A/S', async () => {
    const cards = async (code: string) => (await call(`/__sandbox/paymentcards?account=${code}`, { headers: {} })).body.results ?? [];
    expect((await cards('CUST002')).map((c) => [c.brand, c.card_number, c.payment_gateway, c.active])).toEqual([
      ['Dankort', 'XXXXXXXXXXXX0006', 'quickpay', true],
    ]);
    expect(await cards('CUST003')).toEqual([]);
    const big = await cards(STORKUNDE);
    expect(big.length).toBeGreaterThanOrEqual(120);
    expect(big.some((c) => c.active)).toBe(true);
    expect(big.some((c) => !c.active)).toBe(true);
    expect((await cards('CUST005')).length).toBeGreaterThanOrEqual(2);
  });

  it('is the same on every start, except the card that follows the clock', () => {
    const a = demoCards(new Date('2026-03-01T00:00:00Z'));
    const b = demoCards(new Date('2026-03-01T00:00:00Z'));
    expect(a).toEqual(b);
    const dec = demoCards(new Date('2026-12-31T23:00:00Z')).find((c) => c.last4 === '4444');
    expect([dec?.month, dec?.year]).toEqual([1, 2027]);
  });
});
