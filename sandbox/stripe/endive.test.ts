import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripe, stripeError, type RunningStripe } from './test-support';

/** API version 2026-10-28.endive (stripe-node 23): what it refuses and what it answers (PROVIDERS.md). */
let s: RunningStripe;
let customer: string;
beforeAll(async () => {
  s = await startStripe();
  customer = (await s.stripe.customers.create({})).id;
});
afterAll(() => s.close());

/** A parameter endive's types may no longer list, sent anyway as a caller on an older SDK would. */
const legacy = <T>(params: T, extra: Record<string, unknown>): T => ({ ...params, ...extra }) as T;

async function refusedWith(call: Promise<unknown>, code: string, param: string) {
  const err = await stripeError(call);
  expect(err).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, code, param });
  expect(err.raw).toMatchObject({ type: 'invalid_request_error', code, param, doc_url: expect.stringContaining('stripe.com/docs/error-codes/') });
}

describe('payment_method_types as an input', () => {
  it('is refused on SetupIntent create and update with payment_method_types_no_longer_supported', async () => {
    await refusedWith(
      s.stripe.setupIntents.create(legacy<Stripe.SetupIntentCreateParams>({ customer }, { payment_method_types: ['card'] })),
      'payment_method_types_no_longer_supported',
      'payment_method_types',
    );
    const si = await s.stripe.setupIntents.create({ customer });
    await refusedWith(
      s.stripe.setupIntents.update(si.id, legacy<Stripe.SetupIntentUpdateParams>({}, { payment_method_types: ['card'] })),
      'payment_method_types_no_longer_supported',
      'payment_method_types',
    );
  });

  it('is refused on PaymentIntent create and update too', async () => {
    await refusedWith(
      s.stripe.paymentIntents.create(legacy<Stripe.PaymentIntentCreateParams>({ amount: 1000, currency: 'dkk' }, { payment_method_types: ['card'] })),
      'payment_method_types_no_longer_supported',
      'payment_method_types',
    );
    const pi = await s.stripe.paymentIntents.create({ amount: 1000, currency: 'dkk' });
    await refusedWith(
      s.stripe.paymentIntents.update(pi.id, legacy<Stripe.PaymentIntentUpdateParams>({}, { payment_method_types: ['card'] })),
      'payment_method_types_no_longer_supported',
      'payment_method_types',
    );
  });
});

describe('allowed_payment_method_types', () => {
  it('is exclusive with excluded_payment_method_types, automatic_payment_methods and payment_method_configuration', async () => {
    const allowed = { allowed_payment_method_types: ['card'] };
    await refusedWith(
      s.stripe.setupIntents.create(legacy<Stripe.SetupIntentCreateParams>({ customer }, { ...allowed, excluded_payment_method_types: ['sepa_debit'] })),
      'parameters_exclusive',
      'excluded_payment_method_types',
    );
    await refusedWith(
      s.stripe.setupIntents.create(legacy<Stripe.SetupIntentCreateParams>({ customer }, { ...allowed, automatic_payment_methods: { enabled: true } })),
      'parameters_exclusive',
      'automatic_payment_methods',
    );
    await refusedWith(
      s.stripe.setupIntents.create(legacy<Stripe.SetupIntentCreateParams>({ customer }, { ...allowed, payment_method_configuration: 'pmc_123' })),
      'parameters_exclusive',
      'payment_method_configuration',
    );
    await refusedWith(
      s.stripe.paymentIntents.create(
        legacy<Stripe.PaymentIntentCreateParams>({ amount: 1000, currency: 'eur' }, { ...allowed, automatic_payment_methods: { enabled: true } }),
      ),
      'parameters_exclusive',
      'automatic_payment_methods',
    );
    const si = await s.stripe.setupIntents.create({ customer });
    await refusedWith(
      s.stripe.setupIntents.update(si.id, legacy<Stripe.SetupIntentUpdateParams>({}, { ...allowed, payment_method_configuration: 'pmc_123' })),
      'parameters_exclusive',
      'payment_method_configuration',
    );
  });

  it('filters what the intent offers; the response carries it and the read-only payment_method_types', async () => {
    const card = await s.stripe.setupIntents.create({ customer, allowed_payment_method_types: ['card'] });
    expect(card).toMatchObject({ allowed_payment_method_types: ['card'], payment_method_types: ['card'] });
    const dynamic = await s.stripe.setupIntents.create({ customer });
    expect(dynamic).toMatchObject({ allowed_payment_method_types: null, payment_method_types: ['card', 'sepa_debit'] });
    const excluded = await s.stripe.setupIntents.create({ customer, excluded_payment_method_types: ['sepa_debit'] });
    expect(excluded.payment_method_types).toEqual(['card']);
    const updated = await s.stripe.setupIntents.update(dynamic.id, { allowed_payment_method_types: ['sepa_debit'] });
    expect(updated).toMatchObject({ allowed_payment_method_types: ['sepa_debit'], payment_method_types: ['sepa_debit'] });
    const pi = await s.stripe.paymentIntents.create({ amount: 1000, currency: 'dkk', allowed_payment_method_types: ['card', 'sepa_debit'] });
    expect(pi).toMatchObject({ allowed_payment_method_types: ['card', 'sepa_debit'], payment_method_types: ['card'] });
  });
});
