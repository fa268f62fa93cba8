import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripe, stripeError, TEST_KEYS, type RunningStripe } from './test-support';

let s: RunningStripe;
beforeAll(async () => {
  s = await startStripe();
});
afterAll(() => s.close());

describe('authentication', () => {
  it('rejects a wrong or missing key with 401 (StripeAuthenticationError)', async () => {
    const err = await stripeError(s.sdk('sk_test_wrong_key_123456').customers.list());
    expect(err).toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
    expect(err.message).toMatch(/^Invalid API Key provided: sk_test_\*+3456$/);
    const res = await fetch(`${s.server.url}/v1/customers`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/You did not provide an API key/);
  });

  it('accepts Bearer and Basic auth with the secret key', async () => {
    const basic = `Basic ${Buffer.from(`${TEST_KEYS.secretKey}:`).toString('base64')}`;
    for (const authorization of [`Bearer ${TEST_KEYS.secretKey}`, basic]) {
      expect((await fetch(`${s.server.url}/v1/customers`, { headers: { authorization } })).status).toBe(200);
    }
  });

  it('lets the publishable key do only what Stripe.js does', async () => {
    const pm = await s.publishable.paymentMethods.create({ type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } });
    expect(pm.card).toMatchObject({ brand: 'visa', last4: '4242', exp_year: 2034 });
    const err = await stripeError(s.publishable.customers.list());
    expect(err.statusCode).toBe(401);
    expect(err.message).toMatch(/cannot be made with a publishable API key/);
  });

  it('keeps raw card numbers away from the secret key, as Stripe does; test tokens work', async () => {
    const err = await stripeError(s.stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2034 } }));
    expect(err.message).toMatch(/Sending credit card numbers directly to the Stripe API is generally unsafe/);
    const pm = await s.stripe.paymentMethods.create({ type: 'card', card: { token: 'tok_mastercard' } });
    expect(pm.card?.brand).toBe('mastercard');
    expect(s.emulator.lookupCard(pm.id)?.brand).toBe('MasterCard');
  });

  it('validates card data sent with the publishable key (402 card_error)', async () => {
    const err = await stripeError(s.publishable.paymentMethods.create({ type: 'card', card: { number: '4242424242424241', exp_month: 12, exp_year: 2034 } }));
    expect(err).toMatchObject({ statusCode: 402, code: 'incorrect_number' });
  });
});

describe('idempotency', () => {
  it('replays the first response for the same key and parameters', async () => {
    const first = await s.stripe.customers.create({ email: 'idem@example.com' }, { idempotencyKey: 'idem-1' });
    const again = await s.stripe.customers.create({ email: 'idem@example.com' }, { idempotencyKey: 'idem-1' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await s.stripe.customers.list({ email: 'idem@example.com' })).data).toHaveLength(1);
  });

  it('answers a reused key with different parameters with idempotency_error', async () => {
    await s.stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'idem-2' });
    const err = await stripeError(s.stripe.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'idem-2' }));
    expect(err).toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400, rawType: 'idempotency_error' });
    const other = await stripeError(s.stripe.setupIntents.create({}, { idempotencyKey: 'idem-2' }));
    expect(other.message).toMatch(/same endpoint/);
  });

  it('replays a decline too (the card is not tried twice)', async () => {
    const c = await s.stripe.customers.create({});
    const params = { customer: c.id, payment_method: 'pm_card_chargeDeclined', confirm: true };
    const a = await stripeError(s.stripe.setupIntents.create(params, { idempotencyKey: 'idem-3' }));
    const b = await stripeError(s.stripe.setupIntents.create(params, { idempotencyKey: 'idem-3' }));
    expect(b.headers?.['idempotent-replayed']).toBe('true');
    expect((b.raw as { setup_intent: { id: string } }).setup_intent.id).toBe((a.raw as { setup_intent: { id: string } }).setup_intent.id);
  });

  it('does not store parameter errors', async () => {
    await stripeError(s.stripe.customers.create({ colour: 'x' } as never, { idempotencyKey: 'idem-4' }));
    const ok = await s.stripe.customers.create({ email: 'fixed@example.com' }, { idempotencyKey: 'idem-5' });
    expect(ok.id).toMatch(/^cus_/);
  });
});

describe('HTTP surface', () => {
  it("answers unknown URLs with Stripe's 404", async () => {
    const res = await fetch(`${s.server.url}/v1/nope`, { headers: { authorization: `Bearer ${TEST_KEYS.secretKey}` } });
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(/^Unrecognized request URL \(GET: \/v1\/nope\)/);
  });

  it('allows browsers from any origin (CORS preflight)', async () => {
    const res = await fetch(`${s.server.url}/v1/payment_methods`, {
      method: 'OPTIONS',
      headers: { origin: 'http://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,stripe-version' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type,stripe-version');
  });

  it('serves Stripe.js as JavaScript at /v3/', async () => {
    for (const path of ['/v3/', '/v3/stripe.js']) {
      const res = await fetch(`${s.server.url}${path}`);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(await res.text()).toContain(`"apiUrl":"${s.server.url}"`);
    }
  });

  it('expands nested ids', async () => {
    const c = await s.stripe.customers.create({});
    const si = await s.stripe.setupIntents.create({ customer: c.id, payment_method: 'pm_card_visa', confirm: true });
    const expanded = await s.stripe.setupIntents.retrieve(si.id, { expand: ['customer', 'latest_attempt.payment_method'] });
    expect(expanded.customer).toMatchObject({ id: c.id, object: 'customer' });
    expect(expanded.latest_attempt).toMatchObject({ payment_method: { object: 'payment_method' } });
    expect((await stripeError(s.stripe.setupIntents.retrieve(si.id, { expand: ['nothing'] }))).statusCode).toBe(400);
  });

  it('resets on POST /__sandbox/reset', async () => {
    const c = await s.stripe.customers.create({});
    expect((await fetch(`${s.server.url}/__sandbox/reset`, { method: 'POST' })).status).toBe(200);
    expect((await stripeError(s.stripe.customers.retrieve(c.id))).statusCode).toBe(404);
    expect(s.emulator.events()).toHaveLength(0);
  });
});
