import type Stripe from 'stripe';
import type { ApprovalStatus } from '@/lib/db/schema';

/** Codes Stripe leaves on a PaymentIntent that the customer can still approve (or pay with another card). */
const CUSTOMER_CAN_ACT = new Set(['authentication_required', 'payment_intent_authentication_failure']);

/**
 * Whether a PaymentIntent waits for the customer: after an off-session failure it is in
 * `requires_payment_method` with `authentication_required` (PROVIDERS.md), after a failed 3-D
 * Secure with `payment_intent_authentication_failure`; or it is mid-confirmation.
 */
export function waitsForCustomer(pi: Pick<Stripe.PaymentIntent, 'status' | 'last_payment_error'>): boolean {
  if (pi.status === 'requires_action' || pi.status === 'requires_confirmation') return true;
  return pi.status === 'requires_payment_method' && CUSTOMER_CAN_ACT.has(pi.last_payment_error?.code ?? '');
}

/** What our approval row says for this PaymentIntent's state. */
export function approvalStatusOf(pi: Pick<Stripe.PaymentIntent, 'status' | 'last_payment_error'>): ApprovalStatus {
  if (pi.status === 'succeeded' || pi.status === 'requires_capture') return 'succeeded';
  if (pi.status === 'processing') return 'processing';
  if (pi.status === 'canceled') return 'canceled';
  return waitsForCustomer(pi) ? 'pending' : 'canceled';
}

/** Whether the authentication the customer tried on the saved card failed (offer a new card). */
export const authenticationFailed = (pi: Pick<Stripe.PaymentIntent, 'last_payment_error'>) =>
  pi.last_payment_error?.code === 'payment_intent_authentication_failure';

export const idOf = (x: string | { id: string } | null | undefined): string | null => (x == null ? null : typeof x === 'string' ? x : x.id);
