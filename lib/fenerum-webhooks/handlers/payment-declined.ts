import Stripe from 'stripe';
import { audit } from '@/lib/audit';
import { idOf } from '@/lib/approvals/intent-state';
import { accountOfCustomer } from '@/lib/approvals/store';
import { isStripeError } from '@/lib/stripe/errors';
import { paymentIntentOf } from '../parse';
import type { Handler } from '../types';

/** payment.declined: on the account's timeline, with Stripe's amount and reason (the account from Stripe's customer). */
export const onPaymentDeclined: Handler = async ({ db, stripe }, data, event) => {
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
  const error = pi.last_payment_error;
  await audit(db, {
    actor: 'fenerum',
    action: event,
    accountCode,
    subject: id,
    details: { amount: pi.amount, currency: pi.currency, code: error?.code ?? null, declineCode: error?.decline_code ?? null },
  });
  return { status: 'handled', accountCode, subject: id };
};
