import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApproval } from '@/lib/approvals/load-approval';
import { getApproval } from '@/lib/approvals/store';
import { isRefused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { accountWithCard, deliver } from '@/test/support/approval-fixtures';
import { auditRows, customerMailRows } from '@/test/support/staff-account-fixtures';
import { sessionFor } from '@/test/support/quickpay-fixtures';
import { fenerumCardsOf, freshAccount, sandbox } from '@/test/support/sandbox-control';
import { listUnattributed } from './unattributed';

/** A Visa with an expiry no other test's card has (test PaymentMethods all share one expiry). */
const uniqueVisa = () => ({ number: '4242424242424242', expMonth: randomInt(1, 13), expYear: randomInt(2040, 2070) });

/** An account whose only card was added through Fenerum's own link: a Stripe customer this portal never made. */
async function accountWithFenerumCard(card = uniqueVisa()) {
  const account = await freshAccount();
  const { card: fenerumCard, stripeCustomer } = await sandbox.fenerum.addCardThroughFenerum(account, card);
  return { account, card, fenerumCard, stripeCustomer };
}

/** A payment Fenerum could not take without the customer; the webhook with only payment_gateway_id. */
async function authenticationRequired(account: string) {
  const charge = await sandbox.fenerum.charge(account);
  expect(charge.webhook?.data).toEqual({ payment_gateway_id: charge.paymentGatewayId });
  return charge.paymentGatewayId;
}

const unattributedOf = async (paymentIntentId: string) =>
  (await listUnattributed((await appContext()).db, 500)).filter((u) => u.paymentIntentId === paymentIntentId);

describe('attributing a payment Fenerum could not take (cards the portal did not save too)', () => {
  beforeAll(async () => void (await appContext()));

  it('a card added through Fenerum’s own link: the customer is asked, approves, and the card is not registered twice', async () => {
    const { account, stripeCustomer } = await accountWithFenerumCard();
    const paymentIntentId = await authenticationRequired(account);
    expect((await deliver({ event: 'payment.authentication_required', data: { payment_gateway_id: paymentIntentId } })).status).toBe(200);
    const ctx = await appContext();
    expect(await getApproval(ctx.db, paymentIntentId)).toMatchObject({ accountCode: account, status: 'pending', amount: 49_900 });
    expect(await auditRows(account, 'approval.requested')).toHaveLength(1);
    expect(await customerMailRows(account, 'mail.queued')).toHaveLength(1);

    const session = await sessionFor(account);
    const view = await loadApproval(ctx, session, paymentIntentId);
    if (isRefused(view) || view.state !== 'needs-approval' || !view.savedCard) throw new Error(`expected the saved card: ${JSON.stringify(view)}`);
    expect(view.savedCard.last4).toBe('4242');
    const pi = await ctx.stripe.paymentIntents.confirm(paymentIntentId, { payment_method: view.savedCard.paymentMethodId, setup_future_usage: 'off_session' });
    expect(pi.customer).toBe(stripeCustomer);
    expect(await sandbox.stripe.authenticate(paymentIntentId, 'complete')).toBe('succeeded');
    expect(await loadApproval(ctx, session, paymentIntentId)).toMatchObject({ state: 'succeeded', registration: undefined });
    expect(await fenerumCardsOf(account)).toHaveLength(1);
    // Authenticated with setup_future_usage: the next renewal goes through without the customer.
    expect((await sandbox.fenerum.charge(account, { bankWantsAuthentication: false })).status).toBe('succeeded');
  });

  it('the payload naming another account changes nothing: the account comes from Stripe and Fenerum', async () => {
    const { account } = await accountWithFenerumCard();
    const other = await sandbox.fenerum.createAccount();
    const paymentIntentId = await authenticationRequired(account);
    const forged = { payment_gateway_id: paymentIntentId, account: other.uuid, account_code: other.code };
    expect((await deliver({ event: 'payment.authentication_required', data: forged })).status).toBe(200);
    expect((await getApproval((await appContext()).db, paymentIntentId))?.accountCode).toBe(account);
  });

  it('the same card on two accounts is ambiguous: unattributed for staff, once however often it comes, nobody emailed', async () => {
    const { account, card } = await accountWithFenerumCard();
    const { account: twin } = await accountWithFenerumCard(card);
    const paymentIntentId = await authenticationRequired(account);
    for (let i = 0; i < 3; i += 1) {
      const body = { event: 'payment.authentication_required', data: { payment_gateway_id: paymentIntentId, ...(i ? { n: i } : {}) } };
      expect((await deliver(body)).status).toBe(200);
    }
    expect(await getApproval((await appContext()).db, paymentIntentId)).toBeUndefined();
    expect(await unattributedOf(paymentIntentId)).toMatchObject([
      {
        reason: 'several-accounts',
        event: 'payment.authentication_required',
        amount: 49_900,
        currency: 'dkk',
        card: { last4: '4242', expMonth: card.expMonth, expYear: card.expYear },
      },
    ]);
    for (const a of [account, twin]) expect(await customerMailRows(a, 'mail.queued')).toHaveLength(0);
  });

  it('a card no Fenerum account holds (a payment made at Stripe beside Fenerum) is unattributed, and so is a declined one without a PaymentIntent', async () => {
    const { stripe } = await appContext();
    const customer = await stripe.customers.create({});
    const pm = await stripe.paymentMethods.attach('pm_card_discover', { customer: customer.id });
    await sandbox.stripe.demandAuthentication(pm.id);
    const failed = await stripe.paymentIntents
      .create({ amount: 1_234, currency: 'dkk', customer: customer.id, payment_method: pm.id, off_session: true, confirm: true })
      .catch((err: { raw?: { payment_intent?: { id: string } } }) => err.raw?.payment_intent);
    const paymentIntentId = failed?.id ?? '';
    expect((await deliver({ event: 'payment.authentication_required', data: { payment_gateway_id: paymentIntentId } })).status).toBe(200);
    expect(await unattributedOf(paymentIntentId)).toMatchObject([{ reason: 'no-matching-card', amount: 1_234, stripeCustomer: customer.id }]);

    const before = (await listUnattributed((await appContext()).db, 500)).filter((u) => u.reason === 'no-payment-intent').length;
    expect((await deliver({ event: 'payment.declined', data: { payment_gateway_id: `${randomInt(1e9)}` } })).status).toBe(200);
    expect((await listUnattributed((await appContext()).db, 500)).filter((u) => u.reason === 'no-payment-intent').length).toBe(before + 1);
  });

  it('a card this portal saved is still attributed by its own Stripe customer, whatever Fenerum lists', async () => {
    const account = await accountWithCard(await freshAccount());
    const { paymentGatewayId } = await sandbox.fenerum.charge(account);
    await deliver({ event: 'payment.authentication_required', data: { payment_gateway_id: paymentGatewayId } });
    expect((await getApproval((await appContext()).db, paymentGatewayId))?.accountCode).toBe(account);
  });
});
