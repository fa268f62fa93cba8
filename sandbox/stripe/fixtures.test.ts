import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripe, type RunningStripe } from './test-support';

/**
 * Stripe's own fixture objects (stripe/openapi fixtures3.json), copied here from
 * shared/reference/stripe/fixtures.json so the repository is self-contained.
 */
const fixtures = JSON.parse(readFileSync(new URL('./fixtures.json', import.meta.url), 'utf8')) as { resources: Record<string, Record<string, unknown>> };

let s: RunningStripe;
beforeAll(async () => {
  s = await startStripe();
});
afterAll(() => s.close());

function missingFields(type: string, object: unknown, except: string[] = []): string[] {
  const fixture = fixtures.resources[type];
  if (!fixture) throw new Error(`no fixture for ${type}`);
  const have = new Set(Object.keys(object as object));
  return Object.keys(fixture).filter((k) => !have.has(k) && !except.includes(k));
}

describe('objects carry every field of Stripe’s fixtures', () => {
  it('customer, setup_intent, payment_method, payment_intent, mandate and event', async () => {
    const customer = await s.stripe.customers.create({ email: 'fixture@example.com' });
    const si = await s.stripe.setupIntents.create({ customer: customer.id, payment_method: 'pm_card_visa', confirm: true });
    const card = await s.stripe.paymentMethods.retrieve(String(si.payment_method));
    const pi = await s.stripe.paymentIntents.create({
      amount: 1099,
      currency: 'usd',
      customer: customer.id,
      payment_method: card.id,
      off_session: true,
      confirm: true,
    });
    const sepa = await s.publishable.paymentMethods.create({
      type: 'sepa_debit',
      sepa_debit: { iban: 'DE89370400440532013000' },
      billing_details: { name: 'Jenny Rosen', email: 'jenny@example.com' },
    });
    const sepaSi = await s.stripe.setupIntents.create({
      customer: customer.id,
      payment_method: sepa.id,
      confirm: true,
      mandate_data: { customer_acceptance: { type: 'online', online: { ip_address: '127.0.0.1', user_agent: 'vitest' } } },
    });
    const mandate = await s.stripe.mandates.retrieve(String(sepaSi.mandate));
    const event = (await s.stripe.events.list({ limit: 1 })).data[0];

    expect(missingFields('customer', customer)).toEqual([]);
    expect(missingFields('setup_intent', si)).toEqual([]);
    expect(missingFields('payment_method', card)).toEqual([]);
    expect(missingFields('payment_method', sepa, ['card'])).toEqual([]);
    expect(sepa).toHaveProperty('sepa_debit.last4', '3000');
    expect(missingFields('payment_intent', pi)).toEqual([]);
    expect(missingFields('mandate', mandate)).toEqual([]);
    expect(missingFields('event', event)).toEqual([]);
    expect(Object.keys(fixtures.resources).sort()).toEqual(['customer', 'event', 'mandate', 'payment_intent', 'payment_method', 'setup_intent']);
  });
});
