import type Stripe from 'stripe';
import { inbox } from '@/lib/db/schema';
import { isRefused } from '@/lib/domain/outcomes';
import type { Registration } from '@/lib/registrations/store';
import { verifySetupIntent, type VerifyDeps } from './verify-setup-intent';

export type StripeEventOutcome = { result: string; registration?: Registration };

/**
 * A verified Stripe event: stored (a repeat is recognised by its id), then handled. A customer
 * who closes the tab after 3-D Secure still gets the card registered, through the same use case
 * the page calls. Events we do not act on are acknowledged.
 */
export async function receiveStripeEvent(deps: VerifyDeps, event: Stripe.Event): Promise<StripeEventOutcome> {
  await deps.db.insert(inbox).values({ provider: 'stripe', eventKey: event.id, payload: event }).onConflictDoNothing();
  if (event.type !== 'setup_intent.succeeded') return { result: 'ignored' };
  // Re-read from Stripe inside the use case: the event's copy may be stale or out of order.
  const outcome = await verifySetupIntent(deps, event.data.object.id, null);
  if (isRefused(outcome)) return { result: `ignored: ${outcome.message ?? outcome.reason}` };
  return { result: outcome.registration.status === 'registered' ? 'registered' : 'pending', registration: outcome.registration };
}
