import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';

/**
 * Where the customer is told by email (issue 12 item 3, helper 6's `queueCustomerEmail` in
 * lib/mail/). Each call is made once per event: once per approval (its row is inserted once),
 * once per expiring card and month. Until the mail outbox is merged, the request is recorded
 * on the account's timeline (audit) so staff see the customer was to be asked.
 */
export async function notifyApprovalNeeded(db: Db, input: { accountCode: string; paymentIntentId: string; amount: number; currency: string }): Promise<void> {
  await audit(db, {
    actor: 'system',
    action: 'approval.email_requested',
    accountCode: input.accountCode,
    subject: input.paymentIntentId,
    details: { amount: input.amount, currency: input.currency, landing: `/pay/approve/${input.paymentIntentId}` },
  });
}

export async function notifyCardExpiring(db: Db, input: { accountCode: string; cardUuid: string; month: string }): Promise<void> {
  await audit(db, {
    actor: 'system',
    action: 'card.expiring_email_requested',
    accountCode: input.accountCode,
    subject: input.cardUuid,
    details: { month: input.month, landing: '/pay' },
  });
}
