import type Stripe from 'stripe';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { stripeCustomers } from '@/lib/db/schema';
import type { CustomerSession } from '@/lib/auth/session-token';

/**
 * The account's Stripe customer, made on first use. The idempotency key makes two requests
 * racing to make it get the same customer; the table keeps it past Stripe's 24-hour key memory.
 */
export async function findOrCreateCustomer(db: Db, stripe: Stripe, session: CustomerSession): Promise<string> {
  const [known] = await db.select().from(stripeCustomers).where(eq(stripeCustomers.accountCode, session.accountCode)).limit(1);
  if (known) return known.customerId;
  const customer = await stripe.customers.create(
    { metadata: { fenerum_account: session.accountCode, fenerum_account_uuid: session.accountUuid }, description: `Fenerum account ${session.accountCode}` },
    { idempotencyKey: `portal-customer-${session.accountCode}` },
  );
  await db.insert(stripeCustomers).values({ accountCode: session.accountCode, customerId: customer.id }).onConflictDoNothing();
  const [row] = await db.select().from(stripeCustomers).where(eq(stripeCustomers.accountCode, session.accountCode)).limit(1);
  return row?.customerId ?? customer.id;
}

export async function customerOf(db: Db, accountCode: string): Promise<string | undefined> {
  const [row] = await db.select().from(stripeCustomers).where(eq(stripeCustomers.accountCode, accountCode)).limit(1);
  return row?.customerId;
}
