import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripe, stripeError, type RunningStripe } from './test-support';

let s: RunningStripe;
beforeAll(async () => {
  s = await startStripe();
});
afterAll(() => s.close());

describe('customers', () => {
  it('creates, retrieves, updates and lists customers with metadata', async () => {
    const c = await s.stripe.customers.create({ email: 'anna@example.com', name: 'Anna', metadata: { account: 'CUST001' } });
    expect(c.id).toMatch(/^cus_/);
    expect(c).toMatchObject({ object: 'customer', email: 'anna@example.com', livemode: false, metadata: { account: 'CUST001' }, balance: 0 });
    const updated = await s.stripe.customers.update(c.id, { metadata: { account: '', plan: 'gold' }, description: 'VIP' });
    expect(updated.metadata).toEqual({ plan: 'gold' });
    expect(updated.description).toBe('VIP');
    const again = await s.stripe.customers.retrieve(c.id);
    expect('deleted' in again ? null : again.metadata).toEqual({ plan: 'gold' });
    const listed = await s.stripe.customers.list({ email: 'anna@example.com' });
    expect(listed.data.map((x) => x.id)).toEqual([c.id]);
  });

  it('paginates newest first with starting_after (the SDK auto-pagination works)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await s.stripe.customers.create({ email: `page${i}@example.com`, metadata: { batch: 'p' } })).id);
    const first = await s.stripe.customers.list({ limit: 2 });
    expect(first.has_more).toBe(true);
    expect(first.data[0]?.id).toBe(ids[4]);
    const all: string[] = [];
    for await (const c of s.stripe.customers.list({ limit: 2 })) if (c.metadata.batch === 'p') all.push(c.id);
    expect(all).toEqual([...ids].reverse());
  });

  it('answers a missing customer with 404 resource_missing', async () => {
    const err = await stripeError(s.stripe.customers.retrieve('cus_nope'));
    expect(err).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 404, code: 'resource_missing', message: "No such customer: 'cus_nope'" });
  });

  it('deletes a customer and detaches its payment methods', async () => {
    const c = await s.stripe.customers.create({});
    const pm = await s.stripe.paymentMethods.attach('pm_card_visa', { customer: c.id });
    const deleted = await s.stripe.customers.del(c.id);
    expect(deleted).toMatchObject({ id: c.id, deleted: true });
    expect((await s.stripe.paymentMethods.retrieve(pm.id)).customer).toBeNull();
  });

  it('rejects unknown parameters as Stripe does', async () => {
    const err = await stripeError(s.stripe.customers.create({ colour: 'blue' } as never));
    expect(err).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'colour' });
  });

  it('only accepts a default payment method attached to the customer', async () => {
    const c = await s.stripe.customers.create({});
    const err = await stripeError(s.stripe.customers.update(c.id, { invoice_settings: { default_payment_method: 'pm_card_visa' } }));
    expect(err.param).toBe('invoice_settings[default_payment_method]');
    const pm = await s.stripe.paymentMethods.attach('pm_card_visa', { customer: c.id });
    const updated = await s.stripe.customers.update(c.id, { invoice_settings: { default_payment_method: pm.id } });
    expect(updated.invoice_settings.default_payment_method).toBe(pm.id);
  });
});
