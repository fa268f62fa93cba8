import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK_RETRY_PLANS, FAST_RETRY_DELAY_MS, MAX_CALLBACK_ATTEMPTS } from './config';
import { createLinked, startEmulator, startReceiver, type Started } from './test-support';

/** QuickPay's retry timing: an hour apart, 24 attempts, unless a test asks for fast retries. */
let s: Started;
let receiver: Awaited<ReturnType<typeof startReceiver>> | null = null;
beforeAll(async () => {
  s = await startEmulator();
});
afterAll(() => s.server.close());
afterEach(async () => {
  await s.call('POST', '/__sandbox/reset', { headers: {} });
  await receiver?.close();
  receiver = null;
});

const settings = (body?: unknown) => s.call(body === undefined ? 'GET' : 'POST', '/__sandbox/settings', { body, headers: {} });
const authorize = (id: number) => s.call('POST', `/__sandbox/subscriptions/${id}/authorize`, { body: { card: '1000000000000008' }, headers: {} });
const attempts = async () =>
  (
    (await s.call('GET', '/__sandbox/callbacks', { headers: {} })).body as {
      results: Array<{ attempt: number; status: number; ok: boolean; retryInMs: number | null }>;
    }
  ).results;

describe('callback retry schedule', () => {
  it("is QuickPay's by default: a failed callback is retried after an hour, 24 attempts in all", async () => {
    expect(CALLBACK_RETRY_PLANS.real.delaysMs).toHaveLength(MAX_CALLBACK_ATTEMPTS - 1);
    expect(new Set(CALLBACK_RETRY_PLANS.real.delaysMs)).toEqual(new Set([60 * 60 * 1000]));
    expect((await settings()).body).toEqual({ retrySchedule: 'real' });

    receiver = await startReceiver(() => 500);
    const { id } = await createLinked(s, receiver.url);
    await authorize(id);
    await receiver.waitFor(1);
    await expect.poll(attempts).toHaveLength(1);
    expect(await attempts()).toEqual([expect.objectContaining({ attempt: 1, status: 500, ok: false, retryInMs: 3_600_000 })]);
  });

  it('is fast when a test asks through the control endpoint, and back to real after a reset', async () => {
    expect((await settings({ retrySchedule: 'fast' })).body).toEqual({ retrySchedule: 'fast' });
    receiver = await startReceiver((n) => (n === 1 ? 500 : 200));
    const { id } = await createLinked(s, receiver.url);
    await authorize(id);
    await s.emulator.callbacksIdle();
    expect((await attempts()).map((a) => [a.attempt, a.status, a.ok, a.retryInMs])).toEqual([
      [1, 500, false, FAST_RETRY_DELAY_MS],
      [2, 200, true, null],
    ]);
    await s.call('POST', '/__sandbox/reset', { headers: {} });
    expect((await settings()).body).toEqual({ retrySchedule: 'real' });
  });

  it('refuses an unknown schedule', async () => {
    expect((await settings({ retrySchedule: 'slow' })).status).toBe(400);
    expect((await settings({ fast: true })).status).toBe(400);
  });
});
