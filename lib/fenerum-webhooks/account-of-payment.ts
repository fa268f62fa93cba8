import Stripe from 'stripe';
import { idOf } from '@/lib/approvals/intent-state';
import { accountOfCustomer } from '@/lib/approvals/store';
import { isStripeError } from '@/lib/stripe/errors';
import { paymentIntentOf } from './parse';
import type { Handled, WebhookDeps } from './types';

export type PaymentOwner = { paymentIntent: Stripe.PaymentIntent; accountCode: string };

/**
 * Whose payment a payment event is about, never from the payload alone: the PaymentIntent named
 * in `payment_gateway_id` is read from Stripe, and its customer is matched to our
 * stripe_customers. Otherwise what the handler answers: the event is ignored, with the reason.
 */
export async function accountOfPayment({ db, stripe }: Pick<WebhookDeps, 'db' | 'stripe'>, data: Record<string, unknown>): Promise<PaymentOwner | Handled> {
  const id = paymentIntentOf(data);
  if (!id) return { status: 'ignored', note: 'no PaymentIntent id (payment_gateway_id) in the webhook' };
  const pi = await stripe.paymentIntents.retrieve(id).catch((err: unknown) => {
    if (isStripeError(err) && err.code === 'resource_missing') return null;
    throw err;
  });
  if (!pi) return { status: 'ignored', subject: id, note: 'Stripe does not know this PaymentIntent' };
  if (pi.object !== 'payment_intent') throw new Stripe.errors.StripeAPIError({ message: 'Stripe answered with something that is not a PaymentIntent' });
  const customer = idOf(pi.customer);
  const accountCode = customer ? await accountOfCustomer(db, customer) : undefined;
  if (!accountCode) return { status: 'ignored', subject: id, note: 'the PaymentIntent’s customer is not one of this portal’s accounts' };
  return { paymentIntent: pi, accountCode };
}

/** Whether accountOfPayment found no account (the handler answers what it returned). */
export const isUnowned = (found: PaymentOwner | Handled): found is Handled => 'status' in found;
