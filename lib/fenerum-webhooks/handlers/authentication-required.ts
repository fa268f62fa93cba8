import type Stripe from 'stripe';
import { audit } from '@/lib/audit';
import { brandName } from '@/lib/cards/brand';
import { approvalStatusOf } from '@/lib/approvals/intent-state';
import { notifyApprovalNeeded } from '@/lib/approvals/notify';
import { recordApproval, setApprovalStatus } from '@/lib/approvals/store';
import { accountOfPayment, isUnowned } from '../account-of-payment';
import type { Handler } from '../types';

/**
 * payment.authentication_required: the PaymentIntent named in `payment_gateway_id` is read from
 * Stripe and attributed from Stripe and Fenerum (our Stripe customer, or the Fenerum card it was
 * charged to), and Stripe's amount is the amount. One approval per PaymentIntent; the customer is asked once, when it is made.
 */
export const onAuthenticationRequired: Handler = async ({ db, stripe, fenerum, mail }, data, event) => {
  const found = await accountOfPayment({ db, stripe, fenerum }, data, event);
  if (isUnowned(found)) return found;
  const { paymentIntent: pi, accountCode } = found;

  const status = approvalStatusOf(pi);
  const made = await recordApproval(db, { paymentIntentId: pi.id, accountCode, amount: pi.amount, currency: pi.currency, status });
  if (made) {
    await audit(db, {
      actor: 'fenerum',
      action: 'approval.requested',
      accountCode,
      subject: pi.id,
      details: { amount: pi.amount, currency: pi.currency, status },
    });
  } else {
    await setApprovalStatus(db, pi.id, status);
  }
  // Asked on a repeat too (a first try may have failed before the email was queued): the outbox sends it once.
  if (status === 'pending') {
    await notifyApprovalNeeded(mail, {
      accountCode,
      paymentIntentId: pi.id,
      amount: pi.amount,
      currency: pi.currency,
      card: mailCardOf(pi),
      description: pi.description ?? null,
    });
  }
  return { status: 'handled', accountCode, subject: pi.id, note: made ? undefined : 'repeat: the approval exists' };
};

/** The saved card Fenerum charged (on the failed attempt), as the email names it. */
function mailCardOf(pi: Stripe.PaymentIntent) {
  const card = pi.last_payment_error?.payment_method?.card;
  return card ? { brand: brandName(card.brand), last4: card.last4, expMonth: card.exp_month, expYear: card.exp_year } : null;
}
