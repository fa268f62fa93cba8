import { isRefused } from '@/lib/domain/outcomes';
import { queueCustomerEmail, type QueueMailDeps } from '@/lib/mail/queue';
import type { MailCard } from '@/lib/mail/types';
import { log } from '@/lib/log';

/**
 * The customer is told by email (lib/mail): once per approval (the event key is the
 * PaymentIntent's, whatever the webhook's body) and once per expiring card and month. Asked
 * again on a repeat or a retry, the outbox recognises the key and sends nothing new. Throws
 * when Fenerum cannot be asked for the billing email: the webhook's handling is tried again.
 */
export async function notifyApprovalNeeded(
  mail: QueueMailDeps,
  input: { accountCode: string; paymentIntentId: string; amount: number; currency: string; card: MailCard | null; description: string | null },
): Promise<void> {
  const queued = await queueCustomerEmail(mail, {
    kind: 'approval-needed',
    eventKey: `approval-needed:${input.paymentIntentId}`,
    accountCode: input.accountCode,
    paymentIntentId: input.paymentIntentId,
    amount: { minor: input.amount, currency: input.currency },
    card: input.card,
    description: input.description,
  });
  if (isRefused(queued)) log.warn({ paymentIntent: input.paymentIntentId, why: queued.key ?? queued.reason }, 'approval email not queued');
}

export async function notifyCardExpiring(mail: QueueMailDeps, input: { accountCode: string; cardUuid: string; month: string; card: MailCard }): Promise<void> {
  const queued = await queueCustomerEmail(mail, {
    kind: 'card-expiring',
    eventKey: `card-expiring:${input.cardUuid}:${input.month}`,
    accountCode: input.accountCode,
    card: input.card,
  });
  if (isRefused(queued)) log.warn({ card: input.cardUuid, why: queued.key ?? queued.reason }, 'expiring-card email not queued');
}
