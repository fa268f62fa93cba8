import Stripe from 'stripe';
import { brandName } from '@/lib/cards/brand';
import { refused, type Refused } from '@/lib/domain/outcomes';
import type { Registration } from '@/lib/registrations/store';
import { isStripeError } from '@/lib/stripe/errors';
import { lastFailureOf } from './intent-state';
import type { NewCardDeps } from './new-card';
import { settleApproval, type ApprovalAccount } from './settle';
import { getApproval } from './store';

export type ApprovalDeps = NewCardDeps & { stripe: Stripe };
export type { ApprovalAccount } from './settle';
type SavedCard = { paymentMethodId: string; brand: string; last4: string };
type Money = {
  paymentIntentId: string;
  amount: number;
  currency: string;
  /** What the payment is for, as the PaymentIntent's `description` says (whoever created it wrote it); null when it has none. */
  description: string | null;
};

export type ApprovalView =
  | (Money & {
      state: 'needs-approval';
      clientSecret: string;
      savedCard: SavedCard | null;
      /** The customer's 3-D Secure failed, or the bank declined after they approved: offer another card. */
      authenticationFailed: boolean;
      declined: boolean;
    })
  | (Money & { state: 'processing' | 'succeeded' | 'canceled'; registration?: Registration });

const PI_ID = /^pi_[A-Za-z0-9_]{1,255}$/;
const notHere = () => refused('not-found', 'noApprovalHere');

function savedCardOf(pi: Stripe.PaymentIntent): SavedCard | null {
  const pm = typeof pi.payment_method === 'object' && pi.payment_method ? pi.payment_method : (pi.last_payment_error?.payment_method ?? null);
  if (!pm?.card) return null;
  return { paymentMethodId: pm.id, brand: brandName(pm.card.brand), last4: pm.card.last4 };
}

/**
 * The approval page's use case. The approval must be this account's; the PaymentIntent is read
 * from Stripe; only while it waits for the customer is its client secret handed out. Opened
 * after it succeeded with a new card, that card is queued for Fenerum (once; settle.ts).
 */
export async function loadApproval(deps: ApprovalDeps, account: ApprovalAccount, paymentIntentId: string): Promise<ApprovalView | Refused> {
  if (!PI_ID.test(paymentIntentId)) return notHere();
  const row = await getApproval(deps.db, paymentIntentId);
  // Another account's approval is answered exactly like one that does not exist.
  if (!row || row.accountCode !== account.accountCode) return notHere();
  const pi = await deps.stripe.paymentIntents.retrieve(paymentIntentId, { expand: ['payment_method'] }).catch((err: unknown) => {
    if (isStripeError(err) && err.code === 'resource_missing') return null;
    throw err;
  });
  if (!pi) return notHere();
  if (pi.object !== 'payment_intent') throw new Stripe.errors.StripeAPIError({ message: 'Stripe answered with something that is not a PaymentIntent' });
  // The row says whose it is: it is made only once the payment was attributed from Stripe and
  // Fenerum (lib/fenerum-webhooks/attribute-payment.ts), whichever Stripe customer holds the card.
  const { status, registration } = await settleApproval(deps, account, pi, `customer:${account.accountCode}`);
  const money: Money = { paymentIntentId: pi.id, amount: pi.amount, currency: pi.currency, description: pi.description ?? null };
  if (status === 'pending') {
    if (!pi.client_secret) throw new Error('Stripe returned a PaymentIntent without a client secret');
    const failure = lastFailureOf(pi);
    return {
      ...money,
      state: 'needs-approval',
      clientSecret: pi.client_secret,
      savedCard: savedCardOf(pi),
      authenticationFailed: failure === 'authentication',
      declined: failure === 'declined',
    };
  }
  return { ...money, state: status, registration };
}
