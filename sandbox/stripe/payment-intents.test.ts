import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripe, stripeError, type RunningStripe } from './test-support';

let s: RunningStripe;
let customer: string;
beforeAll(async () => {
  s = await startStripe();
  customer = (await s.stripe.customers.create({})).id;
});
afterAll(() => s.close());

/** A card saved through a succeeded SetupIntent (completing 3-D Secure when asked). */
async function saveCard(testPm: string): Promise<string> {
  const si = await s.stripe.setupIntents.create({ customer, payment_method: testPm, confirm: true });
  if (si.status === 'requires_action') s.emulator.authenticate(si.id, 'complete');
  const done = await s.stripe.setupIntents.retrieve(si.id);
  expect(done.status).toBe('succeeded');
  return String(done.payment_method);
}

const offSession = (pm: string) =>
  s.stripe.paymentIntents.create({ amount: 12_500, currency: 'dkk', customer, payment_method: pm, off_session: true, confirm: true });

describe('PaymentIntents', () => {
  it('charges a saved visa off-session: succeeded with a succeeded charge', async () => {
    const pi = await offSession(await saveCard('pm_card_visa'));
    expect(pi).toMatchObject({ status: 'succeeded', amount: 12_500, amount_received: 12_500, currency: 'dkk' });
    const charge = await s.stripe.charges.retrieve(String(pi.latest_charge));
    expect(charge).toMatchObject({ status: 'succeeded', paid: true, payment_intent: pi.id, amount: 12_500 });
  });

  it('off-session with an authentication-required card: 402 authentication_required, left in requires_payment_method', async () => {
    const pm = await saveCard('pm_card_authenticationRequired');
    const err = await stripeError(offSession(pm));
    expect(err).toMatchObject({ type: 'StripeCardError', statusCode: 402, code: 'authentication_required', decline_code: 'authentication_required' });
    const piId = (err.raw as { payment_intent?: { id: string } }).payment_intent?.id ?? '';
    const pi = await s.stripe.paymentIntents.retrieve(piId);
    expect(pi).toMatchObject({ status: 'requires_payment_method', payment_method: null });
    expect(pi.last_payment_error).toMatchObject({ code: 'authentication_required', payment_method: { id: pm } });

    // The customer approves on-session (what confirmCardPayment does with the publishable key).
    const onSession = await s.publishable.paymentIntents.confirm(pi.id, { payment_method: pm, client_secret: pi.client_secret ?? '' } as never);
    expect(onSession.status).toBe('requires_action');
    expect(onSession.next_action?.type).toBe('use_stripe_sdk');
    expect(s.emulator.authenticate(pi.id, 'complete')).toBe('succeeded');
  });

  it('a card set up with 3-D Secure (…3155) then goes through off-session; one never set up does not', async () => {
    expect((await offSession(await saveCard('pm_card_authenticationRequiredOnSetup'))).status).toBe('succeeded');
    const attached = await s.stripe.paymentMethods.attach('pm_card_authenticationRequiredOnSetup', { customer });
    expect((await stripeError(offSession(attached.id))).code).toBe('authentication_required');
  });

  it('on-session with a 3DS card asks for action; failing it records payment_intent_authentication_failure', async () => {
    const pi = await s.stripe.paymentIntents.create({
      amount: 5000,
      currency: 'eur',
      customer,
      payment_method: 'pm_card_threeDSecure2Required',
      confirm: true,
    });
    expect(pi.status).toBe('requires_action');
    s.emulator.authenticate(pi.id, 'fail');
    const after = await s.stripe.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error?.code).toBe('payment_intent_authentication_failure');
  });

  it('4000000000000341 attaches, but its charge is declined', async () => {
    const pm = await saveCard('pm_card_chargeCustomerFail');
    const err = await stripeError(offSession(pm));
    expect(err).toMatchObject({ code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' });
    expect(err.raw).toMatchObject({ charge: expect.stringMatching(/^ch_/) });
  });

  it('validates amounts and off_session like Stripe', async () => {
    expect((await stripeError(s.stripe.paymentIntents.create({ amount: 100, currency: 'dkk' }))).code).toBe('amount_too_small');
    expect((await stripeError(s.stripe.paymentIntents.create({ currency: 'dkk' } as never))).code).toBe('parameter_missing');
    expect((await stripeError(s.stripe.paymentIntents.create({ amount: 1000, currency: 'dkk', off_session: true }))).param).toBe('off_session');
  });

  it('captures a manual-capture payment', async () => {
    const pi = await s.stripe.paymentIntents.create({ amount: 2000, currency: 'eur', payment_method: 'pm_card_visa', confirm: true, capture_method: 'manual' });
    expect(pi).toMatchObject({ status: 'requires_capture', amount_capturable: 2000 });
    const captured = await s.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 1500 });
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 1500 });
  });

  it('refuses to reuse a PaymentMethod used once without a customer', async () => {
    const pi = await s.stripe.paymentIntents.create({ amount: 2000, currency: 'eur', payment_method: 'pm_card_visa', confirm: true });
    const err = await stripeError(s.stripe.paymentIntents.create({ amount: 2000, currency: 'eur', payment_method: String(pi.payment_method), confirm: true }));
    expect(err).toMatchObject({ statusCode: 400, param: 'payment_method' });
  });
});

describe('approving an off-session payment on-session (seeds/001, PROVIDERS.md)', () => {
  /** A saved Visa whose bank wants the next payment authenticated; Fenerum's off-session charge fails for it. */
  async function waitingPayment(testPm = 'pm_card_visa') {
    const pm = await saveCard(testPm);
    s.emulator.demandAuthentication(pm);
    const err = await stripeError(offSession(pm));
    const id = (err.raw as { payment_intent?: { id: string } }).payment_intent?.id ?? '';
    return { pm, pi: await s.stripe.paymentIntents.retrieve(id) };
  }
  const approveOnSession = (piId: string, pm: string, clientSecret: string, setupFutureUsage?: 'off_session') =>
    s.publishable.paymentIntents.confirm(piId, {
      payment_method: pm,
      client_secret: clientSecret,
      ...(setupFutureUsage ? { setup_future_usage: setupFutureUsage } : {}),
    } as never);

  it.each([
    ['without setup_future_usage: the bank asks again on the next off-session charge', undefined, 'authentication_required'],
    ['with setup_future_usage off_session: the next off-session charge goes through', 'off_session' as const, null],
  ])('%s', async (_name, setupFutureUsage, nextError) => {
    const { pm, pi } = await waitingPayment();
    expect((await approveOnSession(pi.id, pm, pi.client_secret ?? '', setupFutureUsage)).status).toBe('requires_action');
    expect(s.emulator.authenticate(pi.id, 'complete')).toBe('succeeded');
    const next = offSession(pm);
    if (nextError) expect((await stripeError(next)).code).toBe(nextError);
    else expect((await next).status).toBe('succeeded');
  });

  it('a decline after the customer authenticated leaves the PaymentIntent requires_payment_method, payable with another card', async () => {
    const { pm, pi } = await waitingPayment('pm_card_authenticationRequiredChargeDeclinedInsufficientFunds');
    expect((await approveOnSession(pi.id, pm, pi.client_secret ?? '', 'off_session')).status).toBe('requires_action');
    expect(s.emulator.authenticate(pi.id, 'complete')).toBe('requires_payment_method');
    const after = await s.stripe.paymentIntents.retrieve(pi.id);
    expect(after).toMatchObject({ status: 'requires_payment_method', payment_method: null });
    expect(after.last_payment_error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      payment_method: { id: pm },
    });
    const paid = await approveOnSession(pi.id, 'pm_card_mastercard', pi.client_secret ?? '', 'off_session');
    expect(paid.status).toBe('succeeded');
    expect((await s.stripe.paymentIntents.retrieve(pi.id)).amount_received).toBe(12_500);
  });
});
