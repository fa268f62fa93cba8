import type Stripe from 'stripe';
import { followPaymentEvent, type FollowDeps } from '@/lib/approvals/follow-payment';
import { inbox } from '@/lib/db/schema';
import { callbackIgnored, callbackQueued, callbackStored, type CallbackOutcome, type CallbackReceiver } from '@/lib/domain/callbacks';
import { isRefused } from '@/lib/domain/outcomes';
import { hasUnstorableText } from '@/lib/domain/storable';
import type { Registration } from '@/lib/registrations/store';
import { verifyStripeEvent } from '@/lib/stripe/webhook-event';
import { verifySetupIntent, type VerifyDeps } from './verify-setup-intent';

export type StripeWebhookDeps = VerifyDeps & FollowDeps & { webhookSecret: string };

/** Stripe's webhook as the composition root binds it: the signature checked on the raw body by the SDK, then the event received. */
export function stripeWebhooks(deps: StripeWebhookDeps): CallbackReceiver<Stripe.Event> {
  return {
    verify: (raw, headers) => verifyStripeEvent(deps.stripe, raw, headers.get('stripe-signature'), deps.webhookSecret),
    receive: (event) => receiveStripeEvent(deps, event),
  };
}

/** The payment events an approval follows (README: subscribe to these and setup_intent.succeeded). */
const PAYMENT_INTENT_EVENTS = new Set(['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.canceled', 'payment_intent.processing']);

/**
 * A verified Stripe event: stored (a repeat is recognised by its id), then handled. A customer
 * who closes the tab after 3-D Secure still gets the card registered, through the same use case
 * the page calls; a customer who closes the approval page after paying gets the approval settled
 * and a new card registered, through the approval page's use case. Events we do not act on (and
 * payments with no approval) are acknowledged.
 */
async function receiveStripeEvent(deps: VerifyDeps & FollowDeps, event: Stripe.Event): Promise<CallbackOutcome> {
  // Signed, so Stripe sent it, but it can never be stored: acknowledged, so it is not retried for ever.
  const unstorable = unstorableReason(event);
  if (unstorable) return callbackIgnored(unstorable);
  await deps.db.insert(inbox).values({ provider: 'stripe', eventKey: event.id, payload: event }).onConflictDoNothing();
  if (PAYMENT_INTENT_EVENTS.has(event.type)) {
    const followed = await followPaymentEvent(deps, (event.data.object as { id: string }).id);
    if (followed.note) return callbackIgnored(followed.note);
    if (followed.result === 'ignored') return callbackIgnored();
    return withCard(followed.result, followed.registration);
  }
  if (event.type !== 'setup_intent.succeeded') return callbackIgnored();
  // Re-read from Stripe inside the use case: the event's copy may be stale or out of order.
  const outcome = await verifySetupIntent(deps, event.data.object.id, null);
  if (isRefused(outcome)) return callbackIgnored(outcome.key ?? outcome.reason);
  return withCard(outcome.registration.status === 'registered' ? 'registered' : 'pending', outcome.registration);
}

/** Stored; a card it queued is tried after the answer. */
const withCard = (state: string, registration: Registration | undefined): CallbackOutcome =>
  registration?.status === 'queued' ? callbackQueued(registration.id, state) : callbackStored({ state });

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
