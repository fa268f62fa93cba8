import { beforeAll, describe, expect, it } from 'vitest';
import { appContext } from '@/lib/server/context';
import { accountWithCard, deliver, failedCharge } from '@/test/support/approval-fixtures';
import { fenerumCardsOf, freshAccount } from '@/test/support/sandbox-control';
import { loadTimeline } from './load-timeline';

describe('the account timeline: approvals, Fenerum webhooks and the emails sent', () => {
  beforeAll(async () => void (await appContext()));

  it('shows the payment waiting for approval, the webhook that asked for it and the email, once each however often it came', async () => {
    const account = await accountWithCard(await freshAccount());
    const { paymentIntentId, webhook } = await failedCharge(account);
    for (let i = 0; i < 3; i += 1) await deliver(webhook);
    const [card] = await fenerumCardsOf(account);
    await deliver({ event: 'payment_card.deactivated', data: { uuid: card?.uuid } });
    const { db } = await appContext();
    const entries = await loadTimeline({ db }, { code: account });
    const kinds = entries.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'approvalPending')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'webhookAuthenticationRequired')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'webhookCardDeactivated')).toHaveLength(1);
    // The approval email once (the saved card's security notice, lib/mail/card-notice.ts, is another email).
    const notice = /payment card was|betalingskort er/;
    expect(entries.filter((e) => e.kind.startsWith('mail') && !notice.test(String(e.values?.subject ?? '')))).toHaveLength(1);
    // Told by these sources, not again as raw audit rows.
    expect(kinds).not.toContain('other');
    expect(entries.find((e) => e.kind === 'approvalPending')?.values).toMatchObject({ amount: 'DKK\u00a0499.00', paymentIntent: paymentIntentId });
  });
});
