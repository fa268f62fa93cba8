import type Stripe from 'stripe';
import type { ApprovalStatus } from '@/lib/db/schema';

type IntentState = Pick<Stripe.PaymentIntent, 'status' | 'last_payment_error'>;

/**
 * Whether a PaymentIntent waits for the customer. Only `succeeded` and `canceled` are final
 * (PROVIDERS.md): after an off-session failure it is `requires_payment_method` with
 * `authentication_required`; after a failed 3-D Secure or a decline once the customer approved,
 * it stays `requires_payment_method` and payable (Stripe's own recovery flow asks for another
 * card); or it is mid-confirmation.
 */
export function waitsForCustomer(pi: Pick<Stripe.PaymentIntent, 'status'>): boolean {
  return pi.status === 'requires_payment_method' || pi.status === 'requires_action' || pi.status === 'requires_confirmation';
}

/** What our approval row says for this PaymentIntent's state. */
export function approvalStatusOf(pi: IntentState): ApprovalStatus {
  if (pi.status === 'succeeded' || pi.status === 'requires_capture') return 'succeeded';
  if (pi.status === 'processing') return 'processing';
  return waitsForCustomer(pi) ? 'pending' : 'canceled';
}

/** Codes of an off-session attempt that only wanted the customer present (not a failure of theirs). */
const ASKED_FOR_CUSTOMER = new Set(['authentication_required']);

/**
 * Why the last attempt failed, when the customer should hear it and may pay with another card:
 * `authentication` (3-D Secure failed), `declined` (the bank said no after they approved, or a
 * new card was refused), or null (nothing failed yet, or only Fenerum's off-session charge did).
 */
export function lastFailureOf(pi: Pick<Stripe.PaymentIntent, 'status' | 'last_payment_error'>): 'authentication' | 'declined' | null {
  const code = pi.last_payment_error?.code;
  if (pi.status !== 'requires_payment_method' || !code || ASKED_FOR_CUSTOMER.has(code)) return null;
  return code === 'payment_intent_authentication_failure' ? 'authentication' : 'declined';
}

export const idOf = (x: string | { id: string } | null | undefined): string | null => (x == null ? null : typeof x === 'string' ? x : x.id);
