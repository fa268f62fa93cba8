import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { sandboxSecrets } from '@/lib/env/sandbox-defaults';
import { contractRunId, describeContract } from '@/test/support/provider-contract';
import { sandboxUrls } from '@/test/support/sandbox-control';
import { isStripeError } from './errors';

/**
 * Stripe's documented behaviour at the pinned API version (PROVIDERS.md), through the real SDK.
 * Real: CONTRACT_STRIPE_SECRET_KEY, a TEST key (sk_test_…); a live key is refused. Each run
 * creates one customer and one SetupIntent in test mode, and deletes the customer afterwards.
 */
type Target = { secretKey: string; apiUrl?: string };

function realTarget(): Target | undefined {
  const key = process.env.CONTRACT_STRIPE_SECRET_KEY;
  if (!key) return undefined;
  if (!/^(sk|rk)_test_/.test(key))
    throw new Error('CONTRACT_STRIPE_SECRET_KEY must be a test key (sk_test_…); refusing to run the contract suite against live Stripe');
  return { secretKey: key };
}

function sdk(t: Target, secretKey = t.secretKey): Stripe {
  const config: Stripe.StripeConfig = { maxNetworkRetries: 1, timeout: 15_000, appInfo: { name: 'card-portal-contract' } };
  if (t.apiUrl) {
    const url = new URL(t.apiUrl);
    Object.assign(config, { host: url.hostname, port: Number(url.port), protocol: url.protocol === 'https:' ? 'https' : 'http' });
  }
  return new Stripe(secretKey, config);
}

const sandbox: Target = { secretKey: sandboxSecrets.STRIPE_SECRET_KEY, apiUrl: sandboxUrls.stripe };

describeContract('Stripe', { sandbox, real: realTarget(), keys: ['CONTRACT_STRIPE_SECRET_KEY (sk_test_…)'] }, ({ config: t }) => {
  const created: string[] = [];
  const newCustomer = async () => {
    const customer = await sdk(t).customers.create({ description: `card-portal contract ${contractRunId()}`, metadata: { contract_test: 'true' } });
    created.push(customer.id);
    return customer;
  };
  afterAll(async () => {
    for (const id of created)
      await sdk(t)
        .customers.del(id)
        .catch(() => undefined);
  });

  describe('a customer and an off-session SetupIntent', () => {
    it('creates a customer and a SetupIntent for later off-session charges', async () => {
      const customer = await newCustomer();
      expect(customer.id).toMatch(/^cus_/);
      const intent = await sdk(t).setupIntents.create({ customer: customer.id, usage: 'off_session', allowed_payment_method_types: ['card'] });
      expect(intent).toMatchObject({ object: 'setup_intent', customer: customer.id, usage: 'off_session', status: 'requires_payment_method', livemode: false });
      expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`));
      expect(intent.payment_method_types).toContain('card');
    });

    it('refuses payment_method_types as an input with payment_method_types_no_longer_supported', async () => {
      const customer = await newCustomer();
      const params = { customer: customer.id, usage: 'off_session', payment_method_types: ['card'] } as Stripe.SetupIntentCreateParams;
      const err = await sdk(t)
        .setupIntents.create(params)
        .catch((e: unknown) => e);
      expect(isStripeError(err) && { type: err.type, statusCode: err.statusCode, code: err.code }).toEqual({
        type: 'StripeInvalidRequestError',
        statusCode: 400,
        code: 'payment_method_types_no_longer_supported',
      });
    });
  });

  describe('a payment that fails stays payable (issue 21: the approval page offers another card)', () => {
    it('a declined confirmation leaves the PaymentIntent requires_payment_method with last_payment_error, and another card pays it', async () => {
      const customer = await newCustomer();
      const err = await sdk(t)
        .paymentIntents.create({ amount: 1_000, currency: 'dkk', customer: customer.id, payment_method: 'pm_card_chargeDeclined', confirm: true })
        .catch((e: unknown) => e);
      expect(isStripeError(err) && err.code).toBe('card_declined');
      const id = isStripeError(err) ? (err.raw as { payment_intent?: { id?: string } }).payment_intent?.id : undefined;
      const pi = await sdk(t).paymentIntents.retrieve(id ?? '');
      expect(pi).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } });
      expect((await sdk(t).paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' })).status).toBe('succeeded');
    });
  });

  describe('authentication', () => {
    it('answers 401 for a bad key', async () => {
      const err = await sdk(t, 'sk_test_not_a_valid_key')
        .customers.list({ limit: 1 })
        .catch((e: unknown) => e);
      expect(isStripeError(err) && { type: err.type, statusCode: err.statusCode }).toEqual({ type: 'StripeAuthenticationError', statusCode: 401 });
    });
  });
});
