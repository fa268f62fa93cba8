import { describe, expect, it } from 'vitest';
import { json, refused, reset, scriptedFetch, type Scripted } from '@/test/support/provider-http-fakes';
import { createQuickpayClient } from './client';
import { isQuickpayError, QuickpayError } from './errors';

const subscription = { id: 7, order_id: 'ord-1', accepted: false, type: 'Subscription', state: 'initial', currency: 'DKK', operations: [] };
const link = {
  amount: 0,
  continueUrl: 'https://portal.test/ok',
  cancelUrl: 'https://portal.test/no',
  callbackUrl: 'https://portal.test/cb',
  language: 'da' as const,
};

function clientOn(answers: Scripted[]) {
  const { fetch, calls } = scriptedFetch(answers);
  const slept: number[] = [];
  const client = createQuickpayClient({
    apiUrl: 'https://api.quickpay.test',
    apiKey: 'qp-key',
    fetch,
    sleep: async (ms) => void slept.push(ms),
    timeoutMs: 50,
  });
  return { client, calls, slept };
}
const create = (c: ReturnType<typeof createQuickpayClient>) => c.createSubscription({ orderId: 'ord-1', currency: 'DKK', description: 'Card' });

describe('QuickPay client', () => {
  it('sends Basic auth with the key as password, Accept-Version v10, and JSON', async () => {
    const { client, calls } = clientOn([json(201, subscription)]);
    await expect(create(client)).resolves.toMatchObject({ id: 7, state: 'initial' });
    const headers = new Headers(calls[0]?.init?.headers);
    expect(headers.get('authorization')).toBe(`Basic ${Buffer.from(':qp-key').toString('base64')}`);
    expect(headers.get('accept-version')).toBe('v10');
    expect(headers.get('content-type')).toBe('application/json');
    expect(calls[0]?.url).toBe('https://api.quickpay.test/subscriptions');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ order_id: 'ord-1', currency: 'DKK', description: 'Card' });
  });

  it('puts the link with QuickPay’s field names and returns its url', async () => {
    const { client, calls } = clientOn([json(200, { url: 'https://payment.quickpay.test/s/7' })]);
    await expect(client.createLink(7, link)).resolves.toBe('https://payment.quickpay.test/s/7');
    expect(calls[0]?.init?.method).toBe('PUT');
    expect(calls[0]?.url).toBe('https://api.quickpay.test/subscriptions/7/link');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({
      amount: 0,
      continue_url: link.continueUrl,
      cancel_url: link.cancelUrl,
      callback_url: link.callbackUrl,
      language: 'da',
    });
  });

  it('retries a read and the link after a 502 or a dropped connection (it had no retry before)', async () => {
    const a = clientOn([json(502, {}), reset(), json(200, subscription)]);
    await expect(a.client.getSubscription(7)).resolves.toMatchObject({ id: 7 });
    expect(a.calls).toHaveLength(3);
    const b = clientOn([json(500, {}), json(200, { url: 'https://payment.quickpay.test/s/7' })]);
    await expect(b.client.createLink(7, link)).resolves.toContain('/s/7');
    expect(b.calls).toHaveLength(2);
  });

  it('never repeats a subscription create QuickPay may have made (500, dropped connection, timeout)', async () => {
    for (const answer of [json(500, {}), reset(), 'hang' as const]) {
      const { client, calls } = clientOn([answer, json(201, subscription)]);
      await expect(create(client)).rejects.toBeInstanceOf(QuickpayError);
      expect(calls).toHaveLength(1);
    }
  });

  it('repeats a create QuickPay surely did not make: 429, 503, connection refused', async () => {
    const { client, calls } = clientOn([json(429, {}, { 'retry-after': '1' }), json(503, {}), json(201, subscription)]);
    await expect(create(client)).resolves.toMatchObject({ id: 7 });
    expect(calls).toHaveLength(3);
    const r = clientOn([refused(), json(201, subscription)]);
    await expect(create(r.client)).resolves.toMatchObject({ id: 7 });
  });

  it('maps QuickPay’s error body to status, message and field errors, branded', async () => {
    const { client } = clientOn([json(400, { message: 'Validation error', errors: { currency: ['is not valid'] }, error_code: 'invalid_parameters' })]);
    const err = await create(client).catch((e: unknown) => e);
    expect(isQuickpayError(err)).toBe(true);
    expect(err).toMatchObject({ status: 400, errors: { currency: ['is not valid'] }, isTransient: false });
    expect((err as Error).message).toBe('QuickPay answered 400 (POST /subscriptions): Validation error');
  });

  it('says 0 for no answer and 502 for an answer it cannot read; both transient', async () => {
    const a = clientOn([reset(), reset(), reset()]);
    await expect(a.client.getSubscription(7)).rejects.toMatchObject({ status: 0, isTransient: true });
    const b = clientOn([json(200, { id: 'seven' })]);
    await expect(b.client.getSubscription(7)).rejects.toMatchObject({ status: 502, isTransient: true });
  });

  it('refuses an id that is not QuickPay’s without calling it', async () => {
    const { client, calls } = clientOn([]);
    await expect(client.getSubscription(Number.NaN)).rejects.toMatchObject({ status: 400 });
    expect(calls).toHaveLength(0);
  });
});
