import { afterEach, describe, expect, it } from 'vitest';
import { appContext } from '@/lib/server/context';
import { fenerumCardsOf, freshAccount, sandbox } from '@/test/support/sandbox-control';
import { accountWithCard } from '@/test/support/approval-fixtures';

/** The Fenerum emulator's payment webhooks and its own add-card link (the switches PROVIDERS.md asks for). */
describe('the Fenerum emulator: payment webhooks and cards added through Fenerum', () => {
  afterEach(() => sandbox.fenerum.settings({ paymentWebhookFields: 'documented' }));

  it('by default a payment webhook carries only payment_gateway_id (seeds/001); `extended` adds the undocumented fields', async () => {
    const account = await accountWithCard(await freshAccount());
    const plain = await sandbox.fenerum.charge(account);
    expect(plain.webhook).toEqual({ event: 'payment.authentication_required', data: { payment_gateway_id: plain.paymentGatewayId } });
    await sandbox.fenerum.settings({ paymentWebhookFields: 'extended' });
    const extended = await sandbox.fenerum.charge(account);
    expect(extended.webhook?.data).toMatchObject({ payment_gateway_id: extended.paymentGatewayId, account_code: account, currency: 'DKK' });
  });

  it('a card added through Fenerum’s own link sits on a Stripe customer Fenerum made, and Fenerum charges it', async () => {
    const account = await freshAccount();
    const { card, stripeCustomer } = await sandbox.fenerum.addCardThroughFenerum(account, { paymentMethod: 'pm_card_mastercard' });
    expect(card).toMatchObject({ payment_gateway: 'stripe_new', card_number: 'XXXXXXXXXXXX4444', active: true });
    expect(await fenerumCardsOf(account)).toHaveLength(1);
    const { stripe } = await appContext();
    const pm = await stripe.paymentMethods.retrieve(String(card.token));
    expect(pm.customer).toBe(stripeCustomer);
    expect((await stripe.customers.retrieve(stripeCustomer)) as { metadata?: object }).toMatchObject({ metadata: {} });
    const charge = await sandbox.fenerum.charge(account);
    expect(charge.errorCode).toBe('authentication_required');
    const pi = await stripe.paymentIntents.retrieve(charge.paymentGatewayId);
    expect(pi.customer).toBe(stripeCustomer);
  });

  it('the add-card control refuses bad input (400) and an unknown account (404), adding nothing', async () => {
    const account = await freshAccount();
    const post = (code: string, body: unknown) =>
      fetch(`${sandbox.urls.fenerum}/__sandbox/accounts/${code}/card-through-fenerum`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (const body of [
      { paymentMethod: 'tok_visa' },
      { number: '4242', expMonth: 1, expYear: 2040 },
      { number: '4242424242424242', expMonth: 13, expYear: 2040 },
      { extra: 1 },
    ]) {
      expect((await post(account, body)).status).toBe(400);
    }
    expect((await post('NO-SUCH-ACCOUNT', { paymentMethod: 'pm_card_visa' })).status).toBe(404);
    expect(await fenerumCardsOf(account)).toHaveLength(0);
  });
});
