import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, PRIVATE_KEY, createLinked, startEmulator, startReceiver, type Started } from './test-support';

type Sub = { id: number; accepted: boolean; state: string; metadata: Record<string, unknown>; operations: Array<Record<string, unknown>> };
const hmac = (body: string, key: string) => createHmac('sha256', key).update(body).digest('hex');

let s: Started;
let receiver: Awaited<ReturnType<typeof startReceiver>> | null = null;
beforeAll(async () => {
  s = await startEmulator({ merchantId: 4242, retryScheduleMs: [30, 30, 30, 30] });
});
afterAll(() => s.server.close());
afterEach(async () => {
  s.emulator.reset();
  await receiver?.close();
  receiver = null;
});

const authorize = (id: number, body: unknown) => s.call('POST', `/__sandbox/subscriptions/${id}/authorize`, { body, headers: {} });

describe('callbacks after the window completes', () => {
  it('POSTs the subscription as GET returns it, signed with the private key (not the API key)', async () => {
    receiver = await startReceiver();
    const { id } = await createLinked(s, receiver.url);
    const done = await authorize(id, { card: '1000 0000 0000 0008', expiry: '09/30' });
    expect(done.status).toBe(200);
    await receiver.waitFor(1);

    const [cb] = receiver.received;
    if (!cb) throw new Error('no callback');
    expect(cb.path).toBe('/callback');
    expect(cb.headers['content-type']).toBe('application/json');
    expect(cb.headers['quickpay-resource-type']).toBe('Subscription');
    expect(cb.headers['quickpay-account-id']).toBe('4242');
    expect(cb.headers['quickpay-api-version']).toBe('v10');
    const sig = cb.headers['quickpay-checksum-sha256'];
    expect(sig).toBe(hmac(cb.body, PRIVATE_KEY));
    expect(sig).not.toBe(hmac(cb.body, API_KEY));

    const got = await s.call('GET', `/subscriptions/${id}`);
    expect(cb.body).toBe(got.text);
    const sub = JSON.parse(cb.body) as Sub;
    expect(sub).toMatchObject({ id, accepted: true, state: 'active' });
    expect(sub.metadata).toMatchObject({ type: 'card', brand: 'visa', last4: '0008', exp_month: 9, exp_year: 2030, is_3d_secure: false });
    expect(sub.operations).toHaveLength(1);
    expect(sub.operations[0]).toMatchObject({ type: 'authorize', qp_status_code: '20000', qp_status_msg: 'Approved', aq_status_code: '20000', pending: false });
    expect(sub.operations[0]).toHaveProperty('aq_status_msg');
    expect(sub.operations[0]).toHaveProperty('created_at');
  });

  it('retries a failing receiver: 500, 500, 200 → three attempts logged, then stops', async () => {
    receiver = await startReceiver((n) => (n <= 2 ? 500 : 200));
    const { id } = await createLinked(s, receiver.url);
    await authorize(id, { card: '1000000000000008' });
    await receiver.waitFor(3);
    await s.emulator.callbacksIdle();
    const log = (await s.call('GET', '/__sandbox/callbacks', { headers: {} })).body as { count: number; results: Array<Record<string, unknown>> };
    expect(log.count).toBe(3);
    expect(log.results.map((a) => [a.attempt, a.status, a.ok])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 200, true],
    ]);
    expect(log.results.every((a) => a.subscriptionId === id && typeof a.at === 'string')).toBe(true);
    // Each retry carries the same signed body.
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(receiver.received).toHaveLength(3);
  });

  it('gives up after the schedule ends (attempts = delays + 1) and counts 303 as delivered', async () => {
    receiver = await startReceiver(() => 503);
    const { id } = await createLinked(s, receiver.url);
    await authorize(id, { card: '1000000000000008' });
    await s.emulator.callbacksIdle();
    expect(s.emulator.callbackAttempts().map((a) => a.status)).toEqual([503, 503, 503, 503, 503]);

    s.emulator.reset();
    await receiver.close();
    receiver = await startReceiver(() => 303);
    const second = await createLinked(s, receiver.url);
    await authorize(second.id, { card: '1000000000000008' });
    await s.emulator.callbacksIdle();
    expect(s.emulator.callbackAttempts().map((a) => [a.status, a.ok])).toEqual([[303, true]]);
  });

  it('sends a callback for a rejected card too: accepted false, a non-20000 operation', async () => {
    receiver = await startReceiver();
    const { id } = await createLinked(s, receiver.url);
    await authorize(id, { card: '1000000000000016' });
    await receiver.waitFor(1);
    const sub = JSON.parse(receiver.received[0]?.body ?? '{}') as Sub;
    expect(sub).toMatchObject({ id, accepted: false, state: 'initial' });
    expect(sub.operations[0]).toMatchObject({ type: 'authorize', qp_status_code: '40000', qp_status_msg: 'Rejected test operation' });
    expect(s.emulator.lookupCard(String(id))).toBeNull();

    await authorize(id, { card: '1000000000000024' });
    await receiver.waitFor(2);
    const expired = JSON.parse(receiver.received[1]?.body ?? '{}') as Sub;
    expect(expired.accepted).toBe(false);
    expect(expired.operations[1]).toMatchObject({ qp_status_code: '40000', aq_status_msg: 'Card expired' });
  });

  it('3-D Secure: the one callback carries 30100 ("3-D Secure is required") before the outcome', async () => {
    receiver = await startReceiver();
    const approved = await createLinked(s, receiver.url);
    await authorize(approved.id, { card: '1000000000000073', three_d_secure: 'approve' });
    const failed = await createLinked(s, receiver.url);
    await authorize(failed.id, { card: '1000000000000073', three_d_secure: 'fail' });
    await receiver.waitFor(2);
    await s.emulator.callbacksIdle();
    expect(receiver.received).toHaveLength(2);
    const bodies = receiver.received.map((r) => JSON.parse(r.body) as Sub);
    const ops = (id: number) => bodies.find((b) => b.id === id)?.operations.map((o) => [o.qp_status_code, o.qp_status_msg]);
    expect(ops(approved.id)).toEqual([
      ['30100', '3-D Secure is required'],
      ['20000', 'Approved'],
    ]);
    expect(ops(failed.id)).toEqual([
      ['30100', '3-D Secure is required'],
      ['40000', 'Rejected test operation'],
    ]);
    expect(bodies.find((b) => b.id === approved.id)).toMatchObject({ accepted: true, metadata: { is_3d_secure: true } });
  });

  it('resends the current state on request; no callback without a callback_url', async () => {
    receiver = await startReceiver();
    const { id } = await createLinked(s, receiver.url);
    await authorize(id, { card: '1000000000000008' });
    await receiver.waitFor(1);
    expect((await s.call('POST', `/__sandbox/callbacks/${id}/resend`, { headers: {} })).status).toBe(202);
    await receiver.waitFor(2);
    expect(receiver.received[1]?.body).toBe(receiver.received[0]?.body);

    const bare = await s.call('POST', '/subscriptions', { body: { order_id: 'no-link-1', currency: 'DKK', description: 'x' } });
    const bareId = (bare.body as Sub).id;
    expect((await authorize(bareId, { card: '1000000000000008' })).status).toBe(200);
    await s.emulator.callbacksIdle();
    expect(s.emulator.callbackAttempts().filter((a) => a.subscriptionId === bareId)).toEqual([]);
  });
});

describe('lookupCard (what Fenerum asks QuickPay)', () => {
  it('returns brand, last4 and expiry of an accepted subscription; null otherwise', async () => {
    receiver = await startReceiver();
    const visa = await createLinked(s, receiver.url);
    const mc = await createLinked(s, receiver.url);
    const dankort = await createLinked(s, receiver.url);
    const secure = await createLinked(s, receiver.url);
    expect(s.emulator.lookupCard(String(visa.id))).toBeNull();
    await authorize(visa.id, { card: '1000000000000008', expiry: '04/31' });
    await authorize(mc.id, { card: '1000010000000007', expiry: '05/32' });
    await authorize(dankort.id, { card: '1000020000000006', expiry: '06/33' });
    await authorize(secure.id, { card: '1000000000000073', three_d_secure: 'fail' });
    expect(s.emulator.lookupCard(String(visa.id))).toEqual({ brand: 'Visa', last4: '0008', expMonth: 4, expYear: 2031 });
    expect(s.emulator.lookupCard(String(mc.id))).toEqual({ brand: 'MasterCard', last4: '0007', expMonth: 5, expYear: 2032 });
    expect(s.emulator.lookupCard(String(dankort.id))).toEqual({ brand: 'Dankort', last4: '0006', expMonth: 6, expYear: 2033 });
    expect(s.emulator.lookupCard(String(secure.id))).toBeNull();
    expect(s.emulator.lookupCard('999')).toBeNull();
    expect(s.emulator.lookupCard('not-a-number')).toBeNull();
  });

  it('refuses to authorize twice through the control endpoint', async () => {
    receiver = await startReceiver();
    const { id } = await createLinked(s, receiver.url);
    expect((await authorize(id, { card: '1000000000000008' })).status).toBe(200);
    expect((await authorize(id, { card: '1000000000000008' })).status).toBe(409);
    expect((await authorize(id, { card: '4111111111111111' })).status).toBe(409);
  });
});
