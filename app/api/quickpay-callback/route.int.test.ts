import { count, eq, sql } from 'drizzle-orm';
import { attemptDeps } from '@/lib/registrations/registrar';
import { appContext } from '@/lib/server/context';
import { describe, expect, it } from 'vitest';
import { inbox, registrations } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { startRegistrationWorker } from '@/lib/registrations/worker';
import { callbackRequest, registration, settled, startQuickpay, waitForStatus } from '@/test/support/quickpay-fixtures';
import { authorizeQuickpay, fenerumCardsOf, fenerumSettings, freshAccount, registeredTokens } from '@/test/support/sandbox-control';
import { POST } from './route';

// This provider's rows only: on Postgres other files' callbacks land in the same inbox at the same time.
const inboxCount = async () => (await (await appContext()).db.select({ n: count() }).from(inbox).where(eq(inbox.provider, 'quickpay')))[0]?.n ?? 0;

describe('POST /api/quickpay-callback', () => {
  it('registers an approved subscription with Fenerum (gateway quickpay, token = the id) and answers 200', async () => {
    const account = await freshAccount();
    const { registration: reg } = await startQuickpay(account);
    const body = await authorizeQuickpay(reg.providerRef);
    const res = await POST(callbackRequest(body));
    expect(res.status).toBe(200);
    const done = await waitForStatus(reg.id, 'registered');
    expect(done).toMatchObject({ cardBrand: 'Dankort', cardLast4: '0006' });
    const cards = await fenerumCardsOf(account);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ payment_gateway: 'quickpay', uuid: done.fenerumCardUuid });
    expect(await registeredTokens(cards[0]?.account ?? '')).toEqual([reg.providerRef]);
  });

  it.each([
    ['no checksum', (body: string) => callbackRequest(body, null)],
    ['a wrong checksum', (body: string) => callbackRequest(body, null, { 'QuickPay-Checksum-Sha256': 'ab'.repeat(32) })],
    [
      'a body changed after signing',
      (body: string) => {
        const signed = callbackRequest(body);
        return new Request(signed.url, { method: 'POST', headers: signed.headers, body: body.replace('"accepted":true', '"accepted":true ') });
      },
    ],
    ['the API key instead of the private key', (body: string) => callbackRequest(body, env().quickpay.apiKey)],
  ])('refuses %s with 403 and stores nothing', async (_, make) => {
    const account = await freshAccount();
    const { registration: reg } = await startQuickpay(account);
    const body = await authorizeQuickpay(reg.providerRef);
    const before = await inboxCount();
    const res = await POST(make(body));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/checksum/i), code: 'forged' });
    expect(await inboxCount()).toBe(before);
    expect((await registration(reg.id)).status).toBe('started');
  });

  it('a callback QuickPay stopped waiting for is not stored (it comes again): 503, nothing written', async () => {
    const account = await freshAccount();
    const { registration: reg } = await startQuickpay(account);
    const body = await authorizeQuickpay(reg.providerRef);
    const signed = callbackRequest(body);
    const gone = new AbortController();
    gone.abort();
    const res = await POST(new Request(signed, { signal: gone.signal }));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/went away/), code: 'not-stored' });
    expect((await registration(reg.id)).status).toBe('started');
    // The same callback delivered again is stored and queued.
    expect((await POST(callbackRequest(body))).status).toBe(200);
    await waitForStatus(reg.id, 'registered');
  });

  it('the same callback 20 times, concurrently, registers one card', async () => {
    const account = await freshAccount();
    const { registration: reg } = await startQuickpay(account);
    const body = await authorizeQuickpay(reg.providerRef);
    const answers = await Promise.all(Array.from({ length: 20 }, () => POST(callbackRequest(body))));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
    await waitForStatus(reg.id, 'registered');
    await settled(reg.id); // no attempt holds it any more: none can still reach Fenerum
    expect(await fenerumCardsOf(account)).toHaveLength(1);
  });

  it('while Fenerum answers 503, QuickPay still gets 200; the card is registered once after it recovers', async () => {
    const account = await freshAccount();
    const { registration: reg } = await startQuickpay(account);
    const body = await authorizeQuickpay(reg.providerRef);
    await fenerumSettings({ failNext: { status: 503, count: 1000 } });
    try {
      const res = await POST(callbackRequest(body));
      expect(res.status).toBe(200);
      await expect.poll(async () => (await registration(reg.id)).lastError, { timeout: 10_000 }).toMatch(/503/);
      expect((await registration(reg.id)).status).toBe('queued');
    } finally {
      await fenerumSettings({ failNext: null });
    }
    // Time passes: the retry falls due, and the worker finishes the job.
    const db = (await appContext()).db;
    await db
      .update(registrations)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(registrations.id, reg.id));
    const worker = startRegistrationWorker({ deps: attemptDeps({ db, fenerum: (await appContext()).fenerum }), idleMs: 50 });
    try {
      await waitForStatus(reg.id, 'registered');
    } finally {
      await worker.stop();
    }
    expect(await fenerumCardsOf(account)).toHaveLength(1);
  });

  it('a rejected card is acknowledged and nothing is registered', async () => {
    const account = await freshAccount();
    const { registration: reg } = await startQuickpay(account);
    const body = await authorizeQuickpay(reg.providerRef, '1000000000000016');
    const res = await POST(callbackRequest(body));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: 'ignored' });
    expect((await registration(reg.id)).status).toBe('started');
    expect(await fenerumCardsOf(account)).toHaveLength(0);
  });

  it('a subscription this portal did not start is acknowledged and ignored', async () => {
    const body = JSON.stringify({
      id: 999999999,
      order_id: 'elsewhere-1',
      accepted: true,
      type: 'Subscription',
      state: 'active',
      currency: 'DKK',
      operations: [],
    });
    const res = await POST(callbackRequest(body));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: 'ignored' });
  });

  it('other resource types are acknowledged and ignored', async () => {
    const res = await POST(callbackRequest('{"id": 1}', undefined, { 'QuickPay-Resource-Type': 'Payment' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: 'ignored' });
  });

  it.each([
    ['null', 'null'],
    ['a number', '5'],
    ['an array', '[{"id": 1}]'],
    ['a NUL in a string', JSON.stringify({ id: 1, order_id: 'a\u0000b', accepted: true })],
    ['a NUL in a key', JSON.stringify({ id: 1, ['k\u0000']: 1 })],
  ])('a signed body that can never be stored (%s) is acknowledged as ignored (200), and nothing is stored', async (_, body) => {
    const before = await inboxCount();
    const res = await POST(callbackRequest(body));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: 'ignored' });
    expect(await inboxCount()).toBe(before);
  });

  it('a signed but malformed body gets 400, an oversized one 413, and nothing is stored', async () => {
    const before = await inboxCount();
    expect((await POST(callbackRequest('{"id": '))).status).toBe(400);
    expect((await POST(callbackRequest('{"id": "x"}'))).status).toBe(400);
    expect((await POST(callbackRequest(JSON.stringify({ pad: 'x'.repeat(300_000) })))).status).toBe(413);
    expect(await inboxCount()).toBe(before);
  });
});
