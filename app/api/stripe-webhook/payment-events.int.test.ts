import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inbox, registrations } from '@/lib/db/schema';
import { getApproval } from '@/lib/approvals/store';
import { appContext } from '@/lib/server/context';
import { accountWithCard, deliver, failedCharge } from '@/test/support/approval-fixtures';
import { auditRows } from '@/test/support/staff-account-fixtures';
import { settled } from '@/test/support/quickpay-fixtures';
import { fenerumCardsOf, freshAccount, sandbox } from '@/test/support/sandbox-control';
import { webhookRequest } from '@/test/support/stripe-fixtures';
import { POST } from './route';

// This provider's rows only: on Postgres other files' callbacks land in the same inbox at the same time.
const inboxCount = async () => (await (await appContext()).db.select({ n: count() }).from(inbox).where(eq(inbox.provider, 'stripe')))[0]?.n ?? 0;

/** A payment Fenerum could not take: the approval waits for the account's customer. */
async function waitingApproval() {
  const account = await accountWithCard(await freshAccount());
  const { paymentIntentId, webhook } = await failedCharge(account);
  await deliver(webhook);
  return { account, paymentIntentId };
}

/** The customer pays with a new card on the approval page (on-session, as Stripe.js confirms), then closes it: the portal never hears from the page. */
async function payWithNewCardAndLeave(paymentIntentId: string) {
  const { stripe } = await appContext();
  return stripe.paymentIntents.confirm(paymentIntentId, { payment_method: 'pm_card_mastercard', setup_future_usage: 'off_session' });
}

/** The event the Stripe emulator made for this PaymentIntent, as Stripe sends it. */
async function stripeEvent(type: string, paymentIntentId: string) {
  const events = await sandbox.stripe.events(type);
  const event = events.find((e) => (e.data.object as { id?: string }).id === paymentIntentId);
  if (!event) throw new Error(`no ${type} for ${paymentIntentId}`);
  return event;
}

describe('Stripe payment events after the browser is gone (/api/stripe-webhook)', () => {
  it('payment_intent.succeeded settles the approval and registers the new card with Fenerum once, however often it comes', async () => {
    const { account, paymentIntentId } = await waitingApproval();
    expect((await payWithNewCardAndLeave(paymentIntentId)).status).toBe('succeeded');
    const event = await stripeEvent('payment_intent.succeeded', paymentIntentId);
    const answers = await Promise.all([1, 2, 3].map(() => POST(webhookRequest(event))));
    for (const res of answers) expect(res.status).toBe(200);
    expect(await POST(webhookRequest(event)).then((r) => r.json())).toMatchObject({ result: 'succeeded' });
    const ctx = await appContext();
    expect((await getApproval(ctx.db, paymentIntentId))?.status).toBe('succeeded');
    expect(await auditRows(account, 'approval.succeeded')).toMatchObject([{ actor: 'stripe' }]);
    const regs = await ctx.db.select().from(registrations).where(eq(registrations.providerRef, paymentIntentId));
    expect(regs).toHaveLength(1);
    await settled(regs[0]?.id ?? '');
    const cards = await fenerumCardsOf(account);
    expect(cards.filter((c) => c.card_number.endsWith('4444'))).toHaveLength(1);
    expect(cards).toHaveLength(2);
  });

  it.each([
    ['payment_intent.canceled', 'canceled'],
    ['payment_intent.payment_failed', 'pending'],
  ])('%s re-reads the PaymentIntent and the approval follows it (%s)', async (type, status) => {
    const { paymentIntentId } = await waitingApproval();
    const { stripe, db } = await appContext();
    if (type === 'payment_intent.canceled') await stripe.paymentIntents.cancel(paymentIntentId);
    const event = await stripeEvent(type, paymentIntentId);
    for (let i = 0; i < 2; i += 1) expect((await POST(webhookRequest(event))).status).toBe(200);
    expect((await getApproval(db, paymentIntentId))?.status).toBe(status);
  });

  it('a payment event of a PaymentIntent with no approval (an ordinary Fenerum charge) is acknowledged and changes nothing', async () => {
    const account = await accountWithCard(await freshAccount());
    const charge = await sandbox.fenerum.charge(account, { bankWantsAuthentication: false });
    const event = await stripeEvent('payment_intent.succeeded', charge.paymentGatewayId);
    const res = await POST(webhookRequest(event));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: 'ignored' });
    expect(await getApproval((await appContext()).db, charge.paymentGatewayId)).toBeUndefined();
  });

  it.each(['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.canceled', 'payment_intent.processing'])(
    '%s with a forged signature: 400, nothing stored or changed',
    async (type) => {
      const { paymentIntentId } = await waitingApproval();
      const before = await inboxCount();
      const event = { id: `evt_forged_${paymentIntentId}`, object: 'event', type, data: { object: { id: paymentIntentId, status: 'succeeded' } } };
      const res = await POST(webhookRequest(event, { secret: 'whsec_not_the_secret' }));
      expect(res.status).toBe(400);
      expect(await inboxCount()).toBe(before);
      expect((await getApproval((await appContext()).db, paymentIntentId))?.status).toBe('pending');
    },
  );

  it('an event type the portal does not act on is acknowledged (200, ignored) and changes nothing', async () => {
    const { paymentIntentId } = await waitingApproval();
    const event = { id: `evt_unknown_${paymentIntentId}`, object: 'event', type: 'payment_intent.partially_funded', data: { object: { id: paymentIntentId } } };
    const res = await POST(webhookRequest(event));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: 'ignored' });
    expect((await getApproval((await appContext()).db, paymentIntentId))?.status).toBe('pending');
  });

  it('a processing event whose body says "succeeded" is taken from Stripe, not the body', async () => {
    const { paymentIntentId } = await waitingApproval();
    const event = {
      id: `evt_lie_${paymentIntentId}`,
      object: 'event',
      type: 'payment_intent.processing',
      data: { object: { id: paymentIntentId, status: 'succeeded' } },
    };
    expect(await (await POST(webhookRequest(event))).json()).toMatchObject({ result: 'pending' });
    expect((await getApproval((await appContext()).db, paymentIntentId))?.status).toBe('pending');
  });
});
