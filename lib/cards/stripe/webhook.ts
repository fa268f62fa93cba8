import type Stripe from 'stripe';
import type { Db } from '@/lib/db/connect';
import { inbox } from '@/lib/db/schema';
import { queueSetupIntent } from './server';

/**
 * A verified Stripe event: stored (a repeat is recognised by its id), then handled. A customer
 * who closes the tab after 3-D Secure still gets the card registered, through the same use case
 * the page calls. Events we do not act on are acknowledged.
 */
export async function receiveStripeEvent(db: Db, event: Stripe.Event): Promise<string> {
  await db.insert(inbox).values({ provider: 'stripe', eventKey: event.id, payload: event }).onConflictDoNothing();
  if (event.type !== 'setup_intent.succeeded') return 'ignored';
  // Re-read from Stripe inside the use case: the event's copy may be stale or out of order.
  const outcome = await queueSetupIntent(event.data.object.id);
  return outcome.kind === 'refused' ? `ignored: ${outcome.error}` : outcome.kind;
}
