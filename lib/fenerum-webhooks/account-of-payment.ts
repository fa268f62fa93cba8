import Stripe from 'stripe';
import { isStripeError } from '@/lib/stripe/errors';
import { attributePayment, cardOfIntent, type AttributionDeps } from './attribute-payment';
import { paymentIntentOf } from './parse';
import type { Handled } from './types';
import { recordUnattributed } from './unattributed';

export type PaymentOwner = { paymentIntent: Stripe.PaymentIntent; accountCode: string };

/**
 * Whose payment a payment event is about, never from the payload alone: the PaymentIntent named
 * in `payment_gateway_id` (the only documented field, seeds/001) is read from Stripe and
 * attributed from Stripe and Fenerum (attribute-payment.ts). Otherwise what the handler answers:
 * ignored with the reason, and a payment no account could be found for is recorded as
 * unattributed for staff (unattributed.ts).
 */
export async function accountOfPayment(deps: AttributionDeps, data: Record<string, unknown>, event: string): Promise<PaymentOwner | Handled> {
  const id = paymentIntentOf(data);
  if (!id) {
    const raw = typeof data.payment_gateway_id === 'string' ? data.payment_gateway_id.slice(0, 255) : null;
    await recordUnattributed(deps.db, {
      event,
      paymentIntentId: null,
      reason: 'no-payment-intent',
      amount: null,
      currency: null,
      card: null,
      stripeCustomer: null,
    });
    return { status: 'ignored', subject: raw, note: 'unattributed: no Stripe PaymentIntent id (payment_gateway_id) in the webhook' };
  }
  const pi = await deps.stripe.paymentIntents.retrieve(id).catch((err: unknown) => {
    if (isStripeError(err) && err.code === 'resource_missing') return null;
    throw err;
  });
  if (!pi) return { status: 'ignored', subject: id, note: 'Stripe does not know this PaymentIntent' };
  if (pi.object !== 'payment_intent') throw new Stripe.errors.StripeAPIError({ message: 'Stripe answered with something that is not a PaymentIntent' });
  const found = await attributePayment(deps, pi);
  if (found.kind === 'attributed') return { paymentIntent: pi, accountCode: found.accountCode };
  await recordUnattributed(deps.db, {
    event,
    paymentIntentId: pi.id,
    reason: found.reason,
    amount: pi.amount,
    currency: pi.currency,
    card: cardOfIntent(pi),
    stripeCustomer: found.customer,
  });
  return { status: 'ignored', subject: id, note: `unattributed: ${found.reason}` };
}

/** Whether accountOfPayment found no account (the handler answers what it returned). */
export const isUnowned = (found: PaymentOwner | Handled): found is Handled => 'status' in found;
