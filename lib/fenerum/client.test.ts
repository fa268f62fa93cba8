import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../sandbox/http';
import { DEMO_ACCOUNT_UUIDS } from '../../sandbox/fenerum/demo-data';
import { createFenerumEmulator, type FenerumEmulator } from '../../sandbox/fenerum/emulator';
import type { GatewayLookup } from '../../sandbox/gateways';
import { createFenerumClient } from './client';
import { FenerumError } from './errors';
import type { FenerumClientConfig } from './types';

const TOKEN = 'client-test-token';
const STORKUNDE = DEMO_ACCOUNT_UUIDS.CUST004;
const lookupCard: GatewayLookup = (gateway, token) =>
  gateway === 'stripe_new' && token === 'pm_card_visa' ? { brand: 'Visa', last4: '4242', expMonth: 4, expYear: 2031 } : null;

let emulator: FenerumEmulator;
let server: RunningServer;

beforeAll(async () => {
  emulator = createFenerumEmulator({ token: TOKEN, lookupCard });
  server = await serve(emulator, 0);
});
afterAll(() => server.close());
beforeEach(() => emulator.reset());

/** A client of the test emulator; sleeps are recorded (and skipped) unless asked otherwise. */
function client(extra: Partial<FenerumClientConfig> = {}) {
  const slept: number[] = [];
  const c = createFenerumClient({
    apiUrl: `${server.url}/api/v1`,
    token: TOKEN,
    clientSystem: 'ClientTest',
    ratePerMinute: 60,
    sleep: async (ms) => void slept.push(ms),
    ...extra,
  });
  return Object.assign(c, { slept });
}

const sandbox = async <T>(path: string, body?: unknown): Promise<T> => {
  const res = await fetch(
    `${server.url}${path}`,
    body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
  );
  return (await res.json()) as T;
};
type Stats = { total: number; byStatus: Record<string, number>; throttled: number };
type Stored = { count: number; results: Array<{ uuid: string; created_by: string | null; disabled_by: string | null }> };

describe('reading', () => {
  it('lists every card of the 120-card account, across pages of 100', async () => {
    const cards = await client().listPaymentCards({ code: 'CUST004', uuid: STORKUNDE });
    const stored = await sandbox<Stored>(`/__sandbox/paymentcards?account=${STORKUNDE}`);
    expect(stored.count).toBeGreaterThanOrEqual(120);
    expect(cards).toHaveLength(stored.count);
    expect(new Set(cards.map((c) => c.uuid))).toEqual(new Set(stored.results.map((c) => c.uuid)));
    expect(cards.every((c) => c.accountUuid === STORKUNDE && /^\d{4}$/.test(c.last4))).toBe(true);
    const stats = await sandbox<Stats>('/__sandbox/stats');
    expect(stats.byStatus['200']).toBe(Math.ceil(stored.count / 100)); // page_size=100, nothing more
  });

  it('lists every account and reads one by code', async () => {
    const c = client();
    expect((await c.listAccounts()).map((a) => a.code)).toEqual(['CUST001', 'CUST002', 'CUST003', 'CUST004', 'CUST005']);
    expect(await c.getAccount('CUST001')).toEqual({
      uuid: DEMO_ACCOUNT_UUIDS.CUST001,
      code: 'CUST001',
      name: 'Nordlys ApS',
      language: 'da',
      country: 'DK',
      // No currency without the emulator's accountCurrency switch (unconfirmed in Fenerum's documents).
      currency: null,
    });
  });

  it('answers an unknown account with a FenerumError of status 404', async () => {
    const err = await client()
      .getAccount('CUST999')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FenerumError);
    expect(err).toMatchObject({ status: 404, detail: 'Not found.', isNotFound: true });
  });
});

describe('refusals', () => {
  it('surfaces 401 for a wrong or missing token', async () => {
    await expect(client({ token: 'wrong' }).getAccount('CUST001')).rejects.toMatchObject({ status: 401, detail: 'Invalid token.' });
    await expect(client({ token: '' }).getAccount('CUST001')).rejects.toMatchObject({ status: 401 });
  });

  it('surfaces 400 when X-Client-System is missing', async () => {
    const err = await client({ clientSystem: '' })
      .getAccount('CUST001')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400 });
    expect(err instanceof FenerumError && err.detail).toMatch(/X-Client-System/);
  });

  it('maps per-field 400s to fieldErrors', async () => {
    const err = await client()
      .createPaymentCard({ accountUuid: '00000000-0000-4000-8000-000000000000', gateway: 'stripe_new', token: 'pm_card_visa' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FenerumError);
    expect(err).toMatchObject({
      status: 400,
      detail: null,
      fieldErrors: { account: ['Object with uuid=00000000-0000-4000-8000-000000000000 does not exist.'] },
    });
    await expect(client().createPaymentCard({ accountUuid: DEMO_ACCOUNT_UUIDS.CUST003, gateway: 'quickpay', token: 'pm_card_visa' })).rejects.toMatchObject({
      status: 400,
      fieldErrors: { token: [expect.stringContaining('quickpay')] },
    });
  });
});

describe('writing', () => {
  it('sends X-User when a staff member acts, and not otherwise', async () => {
    const c = client();
    const made = await c.createPaymentCard(
      { accountUuid: DEMO_ACCOUNT_UUIDS.CUST003, gateway: 'stripe_new', token: 'pm_card_visa' },
      { email: 'staff@merchant.dk' },
    );
    expect(made).toMatchObject({
      accountUuid: DEMO_ACCOUNT_UUIDS.CUST003,
      active: true,
      brand: 'Visa',
      last4: '4242',
      expMonth: 4,
      expYear: 2031,
      gateway: 'stripe_new',
    });
    await c.createPaymentCard({ accountUuid: DEMO_ACCOUNT_UUIDS.CUST003, gateway: 'stripe_new', token: 'pm_card_visa' });
    const disabled = await c.disablePaymentCard(made.uuid, { email: 'ops@merchant.dk' });
    expect(disabled).toMatchObject({ uuid: made.uuid, active: false });
    const stored = await sandbox<Stored>('/__sandbox/paymentcards?account=CUST003');
    expect(stored.results.map((r) => [r.created_by, r.disabled_by])).toEqual([
      ['staff@merchant.dk', 'ops@merchant.dk'],
      [null, null],
    ]);
    expect((await c.getPaymentCard(made.uuid)).active).toBe(false);
  });

  it('gets a self-service link', async () => {
    const { url } = await client().initiateSelfService('kunde@nordlys.dk');
    expect((await fetch(url)).status).toBe(200);
  });
});

describe('retries', () => {
  it('waits out a 429 Retry-After and then succeeds', async () => {
    await sandbox('/__sandbox/settings', { failNext: { status: 429, count: 1, retryAfter: 1 } });
    // A clock that only sleeping moves: what was waited is what the client asked to wait.
    let t = 0;
    const c = client({ now: () => t, sleep: async (ms) => void (t += ms) });
    await expect(c.getAccount('CUST001')).resolves.toMatchObject({ code: 'CUST001' });
    expect(t).toBe(1_000);
    expect(await sandbox<Stats>('/__sandbox/stats')).toMatchObject({ byStatus: { '429': 1, '200': 1 }, throttled: 1 });
  });

  it('asks its sleep for exactly the Retry-After, on every 429', async () => {
    await sandbox('/__sandbox/settings', { failNext: { status: 429, count: 2, retryAfter: 2 } });
    let t = 0;
    const c = client({ now: () => t, sleep: async (ms) => void (t += ms) });
    await expect(c.listAccounts()).resolves.toHaveLength(5);
    expect(t).toBe(4_000); // 2 s twice, and nothing else waited
  });

  it('retries a 503 and gives up after maxRetries with a FenerumError of status 503', async () => {
    await sandbox('/__sandbox/settings', { failNext: { status: 503, count: 10 } });
    const c = client({ maxRetries: 2 });
    const err = await c.getAccount('CUST001').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FenerumError);
    expect(err).toMatchObject({ status: 503, kind: 'http' });
    expect((await sandbox<Stats>('/__sandbox/stats')).byStatus['503']).toBe(3); // 1 try + 2 retries
    expect(c.slept).toHaveLength(2);
    expect(c.slept[1]).toBeGreaterThan(c.slept[0] ?? Infinity); // backoff grows (jitter stays within its step)
  });

  it('recovers when the 5xx stops before the retries run out', async () => {
    await sandbox('/__sandbox/settings', { failNext: { status: 500, count: 2 } });
    await expect(client({ maxRetries: 3 }).listPaymentCards({ code: 'CUST001', uuid: DEMO_ACCOUNT_UUIDS.CUST001 })).resolves.toHaveLength(4);
  });
});

describe('the rate limiter against Fenerum’s', () => {
  /** One fake clock for both sides: sleeping moves it (never backwards), so a minute passes at once. */
  async function burst(clientRate: number, serverRate: number, calls: number) {
    let t = Date.parse('2026-06-01T08:00:00Z');
    const em = createFenerumEmulator({ token: TOKEN, lookupCard, now: () => new Date(t) });
    em.state.settings.rateLimit.perMinute = serverRate;
    const srv = await serve(em, 0);
    try {
      const c = createFenerumClient({
        apiUrl: `${srv.url}/api/v1`,
        token: TOKEN,
        clientSystem: 'BurstTest',
        ratePerMinute: clientRate,
        now: () => t,
        sleep: async (ms) => {
          const target = t + ms;
          await Promise.resolve();
          t = Math.max(t, target);
        },
      });
      const start = t;
      const results = await Promise.all(Array.from({ length: calls }, () => c.getAccount('CUST002')));
      return { results, stats: em.state.stats, elapsed: t - start };
    } finally {
      await srv.close();
    }
  }

  it('keeps a burst of 25 under a limit of 10 a minute: no 429 is ever served', async () => {
    const { results, stats, elapsed } = await burst(10, 10, 25);
    expect(results).toHaveLength(25);
    expect(stats.throttled).toBe(0);
    expect(stats.byStatus).toEqual({ '200': 25 });
    expect(elapsed).toBeGreaterThanOrEqual(2 * 60_000); // 25 at 10/min takes two more windows
  });

  it('(control) a client allowed more than Fenerum is throttled, so the test above can fail', async () => {
    const { results, stats } = await burst(20, 10, 25);
    expect(results).toHaveLength(25); // still succeeds: the 429s are waited out
    expect(stats.throttled).toBeGreaterThan(0);
  });
});
