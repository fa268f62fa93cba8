import { and, eq, isNotNull } from 'drizzle-orm';
import type Stripe from 'stripe';
import { idOf } from '@/lib/approvals/intent-state';
import { accountOfCustomer } from '@/lib/approvals/store';
import type { Db } from '@/lib/db/connect';
import { fenerumWebhookEvents, paymentApprovals } from '@/lib/db/schema';
import { isStripeError } from '@/lib/stripe/errors';
import { accountHref, type SearchGroup } from './hits';

export type IntentSearchDeps = { db: Db; stripe: Stripe };

/**
 * A Stripe PaymentIntent's account: from our own rows first (an approval, or a Fenerum payment
 * webhook about it), then Stripe's PaymentIntent when its customer is one this portal made. One
 * Fenerum never hears of it. Its page is the account's (the timeline shows the payment).
 */
export async function findPaymentIntent(deps: IntentSearchDeps, id: string): Promise<SearchGroup> {
  const code = (await ownAccountOf(deps.db, id)) ?? (await stripeAccountOf(deps, id));
  if (!code) return { kind: 'payment-intent', hits: [], truncated: false };
  return { kind: 'payment-intent', truncated: false, hits: [{ kind: 'payment-intent', href: accountHref(code), exact: true, id, accountCode: code }] };
}

async function ownAccountOf(db: Db, id: string): Promise<string | null> {
  const [approval] = await db.select({ code: paymentApprovals.accountCode }).from(paymentApprovals).where(eq(paymentApprovals.paymentIntentId, id)).limit(1);
  if (approval) return approval.code;
  const [event] = await db
    .select({ code: fenerumWebhookEvents.accountCode })
    .from(fenerumWebhookEvents)
    .where(and(eq(fenerumWebhookEvents.subject, id), isNotNull(fenerumWebhookEvents.accountCode)))
    .limit(1);
  return event?.code ?? null;
}

async function stripeAccountOf(deps: IntentSearchDeps, id: string): Promise<string | null> {
  const pi = await deps.stripe.paymentIntents.retrieve(id).catch((err: unknown) => {
    if (isStripeError(err) && err.code === 'resource_missing') return null;
    throw err;
  });
  const customer = pi ? idOf(pi.customer) : null;
  return (customer && (await accountOfCustomer(deps.db, customer))) || null;
}
