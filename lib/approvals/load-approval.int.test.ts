import { beforeAll, describe, expect, it } from 'vitest';
import { isRefused } from '@/lib/domain/outcomes';
import { issueCustomerLink } from '@/lib/auth/links';
import { readPortalView } from '@/lib/cards/portal-view';
import { getApproval } from '@/lib/approvals/store';
import { appContext } from '@/lib/server/context';
import { accountWithCard, deliver, failedCharge } from '@/test/support/approval-fixtures';
import { auditRows, customerMailRows } from '@/test/support/staff-account-fixtures';
import { sessionFor } from '@/test/support/quickpay-fixtures';
import { fenerumCardsOf, freshAccount, sandbox } from '@/test/support/sandbox-control';
import { loadApproval } from './load-approval';

/** A customer of a fresh account with a saved Visa, whose payment Fenerum could not take without them. */
async function waitingPayment() {
  const account = await accountWithCard(await freshAccount());
  const { paymentIntentId, webhook } = await failedCharge(account);
  await deliver(webhook);
  return { account, paymentIntentId, session: await sessionFor(account) };
}

/** What the portal shows the account's customer above the cards now (through a link of its own). */
async function noticesOf(accountCode: string) {
  const ctx = await appContext();
  const link = await issueCustomerLink(ctx, { accountCode, issuedBy: 'test' });
  if (isRefused(link)) throw new Error(`issueCustomerLink refused: ${link.reason}`);
  const view = await readPortalView(ctx.db, { linkId: link.id, accountCode }, new Date());
  if (!view) throw new Error('a fresh link has a view');
  return view;
}

/** What Stripe.js does on the page: confirm on-session with a PaymentMethod (the customer is present). */
async function confirmOnSession(paymentIntentId: string, paymentMethod: string, setupFutureUsage?: 'off_session') {
  const { stripe } = await appContext();
  return stripe.paymentIntents.confirm(paymentIntentId, {
    payment_method: paymentMethod,
    ...(setupFutureUsage ? { setup_future_usage: setupFutureUsage } : {}),
  });
}

describe('the approval use case', () => {
  // The first use opens the database and runs the migrations: not part of any test's time.
  beforeAll(async () => void (await appContext()));

  it('waits for the customer with the saved card, then says approved once the bank’s challenge is completed', async () => {
    const { account, paymentIntentId, session } = await waitingPayment();
    const ctx = await appContext();
    const view = await loadApproval(ctx, session, paymentIntentId);
    expect(view).toMatchObject({
      state: 'needs-approval',
      amount: 49_900,
      currency: 'dkk',
      authenticationFailed: false,
      savedCard: { brand: 'Visa', last4: '4242' },
    });
    if (isRefused(view) || view.state !== 'needs-approval' || !view.savedCard) throw new Error('expected a saved card');
    const confirmed = await confirmOnSession(paymentIntentId, view.savedCard.paymentMethodId);
    expect(confirmed.status).toBe('requires_action');
    expect(await sandbox.stripe.authenticate(paymentIntentId, 'complete')).toBe('succeeded');
    expect(await loadApproval(ctx, session, paymentIntentId)).toMatchObject({ state: 'succeeded', registration: undefined });
    expect(await loadApproval(ctx, session, paymentIntentId)).toMatchObject({ state: 'succeeded' });
    expect((await getApproval(ctx.db, paymentIntentId))?.status).toBe('succeeded');
    expect(await auditRows(account, 'approval.succeeded')).toHaveLength(1);
    expect((await noticesOf(account)).approvals).toHaveLength(0);
    expect(await fenerumCardsOf(account)).toHaveLength(1);
  });

  it('after a failed authentication, a new card saved for later pays it and is registered with Fenerum once', async () => {
    const { account, paymentIntentId, session } = await waitingPayment();
    const ctx = await appContext();
    const first = await loadApproval(ctx, session, paymentIntentId);
    if (isRefused(first) || first.state !== 'needs-approval' || !first.savedCard) throw new Error('expected a saved card');
    await confirmOnSession(paymentIntentId, first.savedCard.paymentMethodId);
    await sandbox.stripe.authenticate(paymentIntentId, 'fail');
    expect(await loadApproval(ctx, session, paymentIntentId)).toMatchObject({ state: 'needs-approval', authenticationFailed: true });
    expect((await confirmOnSession(paymentIntentId, 'pm_card_mastercard', 'off_session')).status).toBe('succeeded');
    const views = await Promise.all([1, 2, 3].map(() => loadApproval(ctx, session, paymentIntentId)));
    const ids = new Set(views.map((v) => (!isRefused(v) && v.state === 'succeeded' ? v.registration?.id : 'none')));
    expect(ids.size).toBe(1);
    const [regId] = [...ids];
    const result = await ctx.registrar.tryNow(regId ?? '', 4_000);
    expect(result.status).toBe('registered');
    const cards = await fenerumCardsOf(account);
    expect(cards.filter((c) => c.card_number.endsWith('4444'))).toHaveLength(1);
    expect(cards).toHaveLength(2);
  });

  it('a decline after the customer approved keeps the payment pending and payable: another card pays it', async () => {
    const account = await accountWithCard(await freshAccount(), 'pm_card_authenticationRequiredChargeDeclinedInsufficientFunds');
    const { paymentIntentId, webhook } = await failedCharge(account);
    await deliver(webhook);
    const session = await sessionFor(account);
    const ctx = await appContext();
    const first = await loadApproval(ctx, session, paymentIntentId);
    expect(first).toMatchObject({ state: 'needs-approval', declined: false, authenticationFailed: false });
    if (isRefused(first) || first.state !== 'needs-approval' || !first.savedCard) throw new Error('expected a saved card');
    expect((await confirmOnSession(paymentIntentId, first.savedCard.paymentMethodId, 'off_session')).status).toBe('requires_action');
    expect(await sandbox.stripe.authenticate(paymentIntentId, 'complete')).toBe('requires_payment_method');
    const afterDecline = await loadApproval(ctx, session, paymentIntentId);
    expect(afterDecline).toMatchObject({ state: 'needs-approval', declined: true, authenticationFailed: false, savedCard: { last4: '3178' } });
    expect((await getApproval(ctx.db, paymentIntentId))?.status).toBe('pending');
    expect(await auditRows(account, 'approval.canceled')).toHaveLength(0);
    expect((await noticesOf(account)).approvals).toHaveLength(1);
    expect((await confirmOnSession(paymentIntentId, 'pm_card_mastercard', 'off_session')).status).toBe('succeeded');
    expect(await loadApproval(ctx, session, paymentIntentId)).toMatchObject({ state: 'succeeded', registration: { status: 'queued' } });
  });

  it('a canceled payment is explained and hands out no client secret', async () => {
    const { paymentIntentId, session } = await waitingPayment();
    const ctx = await appContext();
    await ctx.stripe.paymentIntents.cancel(paymentIntentId);
    const view = await loadApproval(ctx, session, paymentIntentId);
    expect(view).toMatchObject({ state: 'canceled', amount: 49_900 });
    expect(JSON.stringify(view)).not.toContain('secret');
  });

  it.each([['pi_doesNotExist123'], ['not-an-id'], ['pi_'], ['pi_x'.padEnd(300, 'x')], ['../pay']])('%s → not found', async (id) => {
    const session = await sessionFor(await freshAccount());
    expect(await loadApproval(await appContext(), session, id)).toMatchObject({ kind: 'refused', reason: 'not-found' });
  });

  it('card_expires_this_month: a banner for this month, once however often it comes, gone once a new card is registered', async () => {
    const account = await accountWithCard(await freshAccount());
    const [card] = await fenerumCardsOf(account);
    const sent = await sandbox.fenerum.cardExpiring(card?.uuid ?? '');
    for (let i = 0; i < 3; i += 1) expect((await deliver(sent.webhook)).status).toBe(200);
    const notices = await noticesOf(account);
    expect(notices.expiring).toEqual([{ cardUuid: card?.uuid, brand: 'Visa', last4: '4242' }]);
    expect(await customerMailRows(account, 'mail.queued')).toHaveLength(1);
    expect(await auditRows(account, 'card_expires_this_month')).toHaveLength(1);
    await accountWithCard(account, 'pm_card_mastercard');
    expect((await noticesOf(account)).expiring).toEqual([]);
  });

  it('payment_card.deactivated and payment.declined go on the account’s timeline', async () => {
    const account = await accountWithCard(await freshAccount());
    const [card] = await fenerumCardsOf(account);
    await deliver({ event: 'payment_card.deactivated', data: { uuid: card?.uuid, account: 'whoever' } });
    expect(await auditRows(account, 'payment_card.deactivated')).toHaveLength(1);
    const declined = await sandbox.fenerum.charge(account, { bankWantsAuthentication: false });
    expect(declined.status).toBe('succeeded');
    const { paymentIntentId } = await failedCharge(account);
    await deliver({ event: 'payment.declined', data: { payment_gateway_id: paymentIntentId } });
    expect(await auditRows(account, 'payment.declined')).toMatchObject([{ subject: paymentIntentId }]);
  });
});
