import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_RETRY_PLANS } from './config';
import { startStripe, type RunningStripe } from './test-support';

/** Stripe's retry timing (test mode: three retries over a few hours) unless a test asks for fast. */
let s: RunningStripe;
let receiver: http.Server;
let answers: number[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(answers.shift() ?? 200).end());
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  s = await startStripe({ webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` });
});
afterAll(async () => {
  await s.close();
  receiver.closeAllConnections();
  await new Promise<void>((r) => receiver.close(() => r()));
});

const control = async (path: string, body?: unknown) => {
  const res = await fetch(
    `${s.server.url}${path}`,
    body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('webhook retry schedule', () => {
  it("is Stripe's test-mode schedule by default: three retries, hours apart", async () => {
    expect(WEBHOOK_RETRY_PLANS.real.delaysMs).toHaveLength(3);
    expect(WEBHOOK_RETRY_PLANS.real.delaysMs.every((ms) => ms >= 30 * 60 * 1000)).toBe(true);
    expect((await control('/__sandbox/settings')).body).toEqual({ retrySchedule: 'real' });
    answers = [500];
    await s.stripe.customers.create({});
    await expect.poll(() => s.emulator.webhookDeliveries().length).toBe(1);
    expect(s.emulator.webhookDeliveries()[0]).toMatchObject({ eventType: 'customer.created', attempt: 1, status: 500, retryInMs: 30 * 60 * 1000 });
    s.emulator.reset();
  });

  it('is fast when a test asks through the control endpoint', async () => {
    expect((await control('/__sandbox/settings', { retrySchedule: 'fast' })).body).toEqual({ retrySchedule: 'fast' });
    answers = [500];
    await s.stripe.customers.create({});
    await s.emulator.waitForWebhooks();
    expect(s.emulator.webhookDeliveries().map((d) => [d.attempt, d.status])).toEqual([
      [1, 500],
      [2, 200],
    ]);
    expect((await control('/__sandbox/settings', { retrySchedule: 'never' })).status).toBe(400);
    expect((await control('/__sandbox/reset', {})).status).toBe(200);
    expect((await control('/__sandbox/settings')).body).toEqual({ retrySchedule: 'real' });
  });
});
