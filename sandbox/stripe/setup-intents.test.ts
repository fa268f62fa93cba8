import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startStripe, stripeError, type RunningStripe } from './test-support';

let s: RunningStripe;
let customer: string;
beforeAll(async () => {
  s = await startStripe();
  customer = (await s.stripe.customers.create({ metadata: { account: 'CUST1' } })).id;
});
afterAll(() => s.close());

const create = (params: Stripe.SetupIntentCreateParams = {}) => s.stripe.setupIntents.create({ customer, ...params });

describe('SetupIntents', () => {
  it('creates with Stripe defaults: off_session usage, requires_payment_method, a client secret', async () => {
    const si = await create({ metadata: { account: 'CUST1' } });
    expect(si).toMatchObject({ object: 'setup_intent', status: 'requires_payment_method', usage: 'off_session', customer, metadata: { account: 'CUST1' } });
    expect(si.client_secret).toMatch(new RegExp(`^${si.id}_secret_\\w+$`));
    expect(si.payment_method_types).toEqual(['card', 'sepa_debit']);
    expect((await create({ allowed_payment_method_types: ['card'] })).payment_method_types).toEqual(['card']);
  });

  it('confirms with pm_card_visa: succeeded, the card attached to the customer, a succeeded attempt', async () => {
    const si = await s.stripe.setupIntents.confirm((await create()).id, { payment_method: 'pm_card_visa', expand: ['latest_attempt'] });
    expect(si.status).toBe('succeeded');
    expect(si.payment_method).toMatch(/^pm_/);
    expect(si.payment_method).not.toBe('pm_card_visa');
    expect(si.latest_attempt).toMatchObject({ object: 'setup_attempt', status: 'succeeded', setup_intent: si.id });
    const pm = await s.stripe.paymentMethods.retrieve(String(si.payment_method));
    expect(pm).toMatchObject({ customer, type: 'card', card: { brand: 'visa', last4: '4242' } });
    expect(s.emulator.lookupCard(pm.id)).toEqual({ brand: 'Visa', last4: '4242', expMonth: pm.card?.exp_month, expYear: pm.card?.exp_year });
  });

  it('asks for 3-D Secure with a 3DS card; completing it succeeds', async () => {
    const si = await create({ payment_method: 'pm_card_threeDSecure2Required', confirm: true });
    expect(si.status).toBe('requires_action');
    expect(si.next_action?.type).toBe('use_stripe_sdk');
    expect(s.emulator.authenticate(si.id, 'complete')).toBe('succeeded');
    const after = await s.stripe.setupIntents.retrieve(si.id, { expand: ['latest_attempt'] });
    expect(after.status).toBe('succeeded');
    expect(after.latest_attempt).toMatchObject({ payment_method_details: { card: { three_d_secure: { result: 'authenticated' } } } });
  });

  it('failing 3-D Secure returns it to requires_payment_method with setup_intent_authentication_failure', async () => {
    const si = await create({ payment_method: 'pm_card_authenticationRequired', confirm: true });
    expect(s.emulator.authenticate(si.id, 'fail')).toBe('requires_payment_method');
    const after = await s.stripe.setupIntents.retrieve(si.id);
    expect(after).toMatchObject({ status: 'requires_payment_method', payment_method: null, next_action: null });
    expect(after.last_setup_error).toMatchObject({ code: 'setup_intent_authentication_failure', type: 'invalid_request_error' });
  });

  it('with return_url and no use_stripe_sdk asks for a redirect; the page sends the customer back as Stripe does', async () => {
    const si = await create({ payment_method: 'pm_card_authenticationRequiredOnSetup', confirm: true, return_url: 'https://shop.example/done' });
    expect(si.next_action?.type).toBe('redirect_to_url');
    const url = si.next_action?.redirect_to_url?.url ?? '';
    expect(await (await fetch(url)).text()).toContain('Complete authentication');
    const res = await fetch(url, { method: 'POST', body: new URLSearchParams({ action: 'complete' }), redirect: 'manual' });
    expect(res.status).toBe(303);
    const back = new URL(res.headers.get('location') ?? '');
    expect(back.origin + back.pathname).toBe('https://shop.example/done');
    expect(Object.fromEntries(back.searchParams)).toEqual({ setup_intent: si.id, setup_intent_client_secret: si.client_secret, redirect_status: 'succeeded' });
  });

  const declines: Array<[string, string, string | undefined, string]> = [
    ['pm_card_chargeDeclined', 'card_declined', 'generic_decline', 'Your card was declined.'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'card_declined', 'insufficient_funds', 'Your card has insufficient funds.'],
    ['pm_card_chargeDeclinedExpiredCard', 'expired_card', 'expired_card', 'Your card has expired.'],
    ['pm_card_chargeDeclinedIncorrectCvc', 'incorrect_cvc', 'incorrect_cvc', "Your card's security code is incorrect."],
    [
      'pm_card_chargeDeclinedProcessingError',
      'processing_error',
      'processing_error',
      'An error occurred while processing your card. Try again in a little bit.',
    ],
  ];
  it.each(declines)('declines %s with %s/%s (402) and leaves requires_payment_method', async (pm, code, declineCode, message) => {
    const si = await create();
    const err = await stripeError(s.stripe.setupIntents.confirm(si.id, { payment_method: pm }));
    expect(err).toMatchObject({ type: 'StripeCardError', statusCode: 402, code, decline_code: declineCode, message });
    expect(err.raw).toMatchObject({ setup_intent: { id: si.id, status: 'requires_payment_method' } });
    const after = await s.stripe.setupIntents.retrieve(si.id);
    expect(after.last_setup_error).toMatchObject({ code, type: 'card_error' });
  });

  it('attaches 4000000000000341 (charges fail later, setup succeeds)', async () => {
    const si = await create({ payment_method: 'pm_card_chargeCustomerFail', confirm: true });
    expect(si.status).toBe('succeeded');
  });

  it('refuses a second confirm with setup_intent_unexpected_state carrying the intent', async () => {
    const si = await create({ payment_method: 'pm_card_visa', confirm: true });
    const err = await stripeError(s.stripe.setupIntents.confirm(si.id, { payment_method: 'pm_card_visa' }));
    expect(err).toMatchObject({ statusCode: 400, code: 'setup_intent_unexpected_state' });
    expect(err.raw).toMatchObject({ setup_intent: { id: si.id, status: 'succeeded' } });
  });

  it('cancels, and then refuses to confirm', async () => {
    const si = await s.stripe.setupIntents.cancel((await create()).id, { cancellation_reason: 'abandoned' });
    expect(si).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect((await stripeError(s.stripe.setupIntents.confirm(si.id, { payment_method: 'pm_card_visa' }))).code).toBe('setup_intent_unexpected_state');
  });

  it('lets the publishable key retrieve and confirm only with the client secret, and shows it a subset', async () => {
    const si = await create({ metadata: { secret: 'x' } });
    expect((await stripeError(s.publishable.setupIntents.retrieve(si.id))).param).toBe('client_secret');
    expect((await stripeError(s.publishable.setupIntents.retrieve(si.id, { client_secret: `${si.id}_secret_wrong` }))).param).toBe('client_secret');
    const seen = await s.publishable.setupIntents.retrieve(si.id, { client_secret: si.client_secret ?? '' });
    expect(seen.status).toBe('requires_payment_method');
    expect(seen).not.toHaveProperty('customer');
    expect(seen).not.toHaveProperty('metadata');
    expect((await stripeError(s.publishable.setupIntents.create({}))).statusCode).toBe(401);
  });

  it('sets up SEPA Direct Debit with a mandate; the failing IBAN fails after processing', async () => {
    const sepa = (iban: string) =>
      s.publishable.paymentMethods.create({ type: 'sepa_debit', sepa_debit: { iban }, billing_details: { name: 'Jenny Rosen', email: 'jenny@example.com' } });
    const acceptance = { customer_acceptance: { type: 'online' as const, online: { ip_address: '127.0.0.1', user_agent: 'test' } } };
    const good = await create({ payment_method: (await sepa('DE89370400440532013000')).id, confirm: true, mandate_data: acceptance });
    expect(good.status).toBe('succeeded');
    const mandate = await s.stripe.mandates.retrieve(String(good.mandate));
    expect(mandate).toMatchObject({ status: 'active', type: 'multi_use', payment_method_details: { type: 'sepa_debit' } });
    expect(s.emulator.lookupCard(String(good.payment_method))).toEqual({ brand: 'SEPA', last4: '3000', expMonth: 12, expYear: 2099 });

    const bad = await create({ payment_method: (await sepa('DE62370400440532013001')).id, confirm: true, mandate_data: acceptance });
    expect(bad.status).toBe('processing');
    const settled = await eventually(
      () => s.stripe.setupIntents.retrieve(bad.id),
      (x) => x.status !== 'processing',
    );
    expect(settled.status).toBe('requires_payment_method');
    expect(settled.last_setup_error?.code).toBe('payment_method_provider_decline');
    expect((await s.stripe.mandates.retrieve(String(bad.mandate))).status).toBe('inactive');
  });

  it('refuses a payment method that belongs to another customer', async () => {
    const other = await s.stripe.customers.create({});
    const pm = await s.stripe.paymentMethods.attach('pm_card_visa', { customer: other.id });
    const err = await stripeError(create({ payment_method: pm.id, confirm: true }));
    expect(err).toMatchObject({ statusCode: 400, param: 'payment_method' });
  });

  it('lists by customer, newest first', async () => {
    const c = (await s.stripe.customers.create({})).id;
    const a = await s.stripe.setupIntents.create({ customer: c });
    const b = await s.stripe.setupIntents.create({ customer: c });
    expect((await s.stripe.setupIntents.list({ customer: c })).data.map((x) => x.id)).toEqual([b.id, a.id]);
  });
});
