import { beforeAll, describe, expect, it } from 'vitest';
import { appContext } from '@/lib/server/context';
import { listAccountMail } from '@/lib/mail/outbox';
import { loadTimeline } from '@/lib/staff/timeline/load-timeline';
import { accountWithCard, deliver, failedCharge } from '@/test/support/approval-fixtures';
import { auditRows, customerMailRows } from '@/test/support/staff-account-fixtures';
import { sandbox } from '@/test/support/sandbox-control';

/**
 * Through Fenerum's webhook, as live: the approval email goes to the account's recipient
 * (Fenerum keeps addresses there, and its accounts carry no billing_email by default), and an
 * account with nobody to mail shows staff why.
 */
describe('payment.authentication_required → the email reaches the account’s recipient', () => {
  beforeAll(async () => void (await appContext()));
  const addr = (who: string) => `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@recipient.example`;

  it('the recipient who takes payment confirmations gets the approval email; the subscription-only one does not', async () => {
    const [pay, subs] = [addr('pay'), addr('subs')];
    const made = await sandbox.fenerum.createAccount({
      recipients: [{ email: subs, receive_invoice: false, receive_payment_confirmation: false, receive_subscription_notifications: true }, { email: pay }],
    });
    expect(made).not.toHaveProperty('billing_email');
    const account = await accountWithCard(made.code);
    const { webhook } = await failedCharge(account);
    expect((await deliver(webhook)).status).toBe(200);
    // (The card saved above brought its security notice too: lib/mail/card-notice.ts.)
    const approvalMail = async (to: string) => (await sandbox.mail.list(to)).filter((m) => /499/.test(m.subject));
    await expect.poll(async () => (await approvalMail(pay)).length, { timeout: 15_000 }).toBe(1);
    expect(await sandbox.mail.list(subs)).toHaveLength(0);
    const ctx = await appContext();
    expect((await listAccountMail(ctx.db, account)).filter((m) => m.kind !== 'card-notice').map((m) => m.recipient)).toEqual([pay]);
    // The staff timeline names the recipient.
    const timeline = await loadTimeline(ctx, { code: account });
    expect(timeline.find((e) => e.kind.startsWith('mail'))?.values).toMatchObject({ recipient: pay });
  });

  it('an account with no recipient: the approval is made, no email is sent, and the timeline says “no recipient”', async () => {
    const made = await sandbox.fenerum.createAccount({ recipients: [] });
    const account = await accountWithCard(made.code);
    const { webhook } = await failedCharge(account);
    expect((await deliver(webhook)).status).toBe(200);
    expect(await auditRows(account, 'approval.requested')).toHaveLength(1);
    expect(await customerMailRows(account, 'mail.queued')).toHaveLength(0);
    expect(await customerMailRows(account, 'mail.not_sent')).toMatchObject([{ details: { reason: 'no-recipient', kind: 'approval-needed' } }]);
    const timeline = await loadTimeline(await appContext(), { code: account });
    expect(timeline.filter((e) => e.kind === 'mailNoRecipient' && e.values?.what !== 'notice')).toMatchObject([{ tone: 'bad', values: { what: 'approval' } }]);
  });
});
