import type Stripe from 'stripe';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { stripeCustomers } from '@/lib/db/schema';
import type { CustomerSession } from '@/lib/auth/session-token';
import { isStripeError } from '@/lib/stripe/errors';

/**
 * The account's Stripe customer, made on first use. The idempotency key makes two requests
 * racing to make it get the same customer; the table keeps it past Stripe's 24-hour key memory.
 * `replacing`: a stored id Stripe no longer knows, to be replaced by a new customer.
 */
export async function findOrCreateCustomer(db: Db, stripe: Stripe, session: CustomerSession, replacing?: string): Promise<string> {
  const known = await customerOf(db, session.accountCode);
  if (known && known !== replacing) return known;
  if (known) await db.delete(stripeCustomers).where(and(eq(stripeCustomers.accountCode, session.accountCode), eq(stripeCustomers.customerId, known)));
  const customer = await stripe.customers.create(
    { metadata: { fenerum_account: session.accountCode, fenerum_account_uuid: session.accountUuid }, description: `Fenerum account ${session.accountCode}` },
    { idempotencyKey: `portal-customer-${session.accountCode}${replacing ? `-after-${replacing}` : ''}` },
  );
  await db.insert(stripeCustomers).values({ accountCode: session.accountCode, customerId: customer.id }).onConflictDoNothing();
  return (await customerOf(db, session.accountCode)) ?? customer.id;
}

export async function customerOf(db: Db, accountCode: string): Promise<string | undefined> {
  const [row] = await db.select().from(stripeCustomers).where(eq(stripeCustomers.accountCode, accountCode)).limit(1);
  return row?.customerId;
}

/**
 * Stripe no longer knows the customer we stored: it was deleted in the dashboard, or the
 * portal now runs on another Stripe account (test → live, or a restarted sandbox).
 */
export function isMissingCustomer(err: unknown): boolean {
  return isStripeError(err) && err.code === 'resource_missing' && err.param === 'customer';
}
