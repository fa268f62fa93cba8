import type Stripe from 'stripe';
import { audit } from '@/lib/audit';
import type { ApprovalStatus } from '@/lib/db/schema';
import type { Registration } from '@/lib/registrations/store';
import { approvalStatusOf } from './intent-state';
import { queueCardFromPayment, type NewCardDeps } from './new-card';
import { setApprovalStatus } from './store';

export type ApprovalAccount = { accountCode: string; accountUuid: string };
export type Settled = { status: ApprovalStatus; registration?: Registration };

/**
 * What the approval page and Stripe's payment events both do with a PaymentIntent read from
 * Stripe: the approval row follows it (audited once per change, by whoever saw it first), and a
 * new card the customer paid with and asked to keep is queued for Fenerum, once.
 */
export async function settleApproval(deps: NewCardDeps, account: ApprovalAccount, pi: Stripe.PaymentIntent, actor: string): Promise<Settled> {
  const status = approvalStatusOf(pi);
  const { db } = deps;
  const changed = await setApprovalStatus(db, pi.id, status);
  if (changed && status !== 'pending') {
    await audit(db, {
      actor,
      action: `approval.${status}`,
      accountCode: account.accountCode,
      subject: pi.id,
      details: { paymentIntentId: pi.id, amount: pi.amount, currency: pi.currency },
    });
  }
  const pm = typeof pi.payment_method === 'object' ? pi.payment_method : null;
  // Paid with a new card the customer asked to keep: Fenerum gets it, through the one queue.
  const registration =
    status === 'succeeded' && pi.setup_future_usage === 'off_session' && pm ? await queueCardFromPayment(deps, account, pi.id, pm) : undefined;
  return { status, registration };
}
