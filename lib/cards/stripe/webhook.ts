import type Stripe from 'stripe';
import { followPaymentEvent, type FollowDeps } from '@/lib/approvals/follow-payment';
import { inbox } from '@/lib/db/schema';
import { isRefused } from '@/lib/domain/outcomes';
import { hasUnstorableText } from '@/lib/domain/storable';
import type { Registration } from '@/lib/registrations/store';
import { verifySetupIntent, type VerifyDeps } from './verify-setup-intent';

export type StripeEventOutcome = { result: string; registration?: Registration };

/** The payment events an approval follows (README: subscribe to these and setup_intent.succeeded). */
export const PAYMENT_INTENT_EVENTS = new Set([
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
  'payment_intent.processing',
]);

/**
 * A verified Stripe event: stored (a repeat is recognised by its id), then handled. A customer
 * who closes the tab after 3-D Secure still gets the card registered, through the same use case
 * the page calls; a customer who closes the approval page after paying gets the approval settled
 * and a new card registered, through the approval page's use case. Events we do not act on (and
 * payments with no approval) are acknowledged.
 */
export async function receiveStripeEvent(deps: VerifyDeps & FollowDeps, event: Stripe.Event): Promise<StripeEventOutcome> {
  // Signed, so Stripe sent it, but it can never be stored: acknowledged, so it is not retried for ever.
  const unstorable = unstorableReason(event);
  if (unstorable) return { result: `ignored: ${unstorable}` };
  await deps.db.insert(inbox).values({ provider: 'stripe', eventKey: event.id, payload: event }).onConflictDoNothing();
  if (PAYMENT_INTENT_EVENTS.has(event.type)) {
    const followed = await followPaymentEvent(deps, (event.data.object as { id: string }).id);
    return { result: followed.note ? `ignored: ${followed.note}` : followed.result, registration: followed.registration };
  }
  if (event.type !== 'setup_intent.succeeded') return { result: 'ignored' };
  // Re-read from Stripe inside the use case: the event's copy may be stale or out of order.
  const outcome = await verifySetupIntent(deps, event.data.object.id, null);
  if (isRefused(outcome)) return { result: `ignored: ${outcome.key ?? outcome.reason}` };
  return { result: outcome.registration.status === 'registered' ? 'registered' : 'pending', registration: outcome.registration };
}

/** Why a verified body cannot be an event we store (the SDK parses whatever JSON was signed). */
function unstorableReason(event: unknown): string | null {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return 'not a JSON object';
  const e = event as { id?: unknown; type?: unknown; data?: { object?: { id?: unknown } } };
  if (typeof e.id !== 'string' || typeof e.type !== 'string') return 'not an event (no id or type)';
  if (hasUnstorableText(event)) return 'carries text that cannot be stored (a NUL or an unpaired surrogate)';
  if (e.type === 'setup_intent.succeeded' && typeof e.data?.object?.id !== 'string') return 'no SetupIntent id';
  if (PAYMENT_INTENT_EVENTS.has(e.type) && !/^pi_[A-Za-z0-9_]{1,255}$/.test(String(e.data?.object?.id))) return 'no PaymentIntent id';
  return null;
}
