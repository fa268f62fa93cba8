import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { paymentApprovals, stripeCustomers, type ApprovalStatus } from '@/lib/db/schema';

/** Every query of payment_approvals lives here. */
export type Approval = typeof paymentApprovals.$inferSelect;

/** Records a payment waiting for the customer; null when this PaymentIntent already has one (a repeat webhook). */
export async function recordApproval(
  db: Db,
  input: { paymentIntentId: string; accountCode: string; amount: number; currency: string; status: ApprovalStatus },
): Promise<Approval | null> {
  const [row] = await db.insert(paymentApprovals).values(input).onConflictDoNothing().returning();
  return row ?? null;
}

export async function getApproval(db: Db, paymentIntentId: string): Promise<Approval | undefined> {
  const [row] = await db.select().from(paymentApprovals).where(eq(paymentApprovals.paymentIntentId, paymentIntentId)).limit(1);
  return row;
}

/** Follows Stripe: the row says what the PaymentIntent last said. True when it changed. */
export async function setApprovalStatus(db: Db, paymentIntentId: string, status: ApprovalStatus): Promise<boolean> {
  const rows = await db
    .update(paymentApprovals)
    .set({ status, updatedAt: sql`now()` })
    .where(and(eq(paymentApprovals.paymentIntentId, paymentIntentId), sql`${paymentApprovals.status} <> ${status}`))
    .returning({ id: paymentApprovals.paymentIntentId });
  return rows.length > 0;
}

/** Every approval of an account, newest first (staff). */
export async function approvalsOf(db: Db, accountCode: string): Promise<Approval[]> {
  return db.select().from(paymentApprovals).where(eq(paymentApprovals.accountCode, accountCode)).orderBy(desc(paymentApprovals.createdAt)).limit(100);
}

/** The account whose Stripe customer this is (lib/cards/stripe/customer.ts makes one per account). */
export async function accountOfCustomer(db: Db, customerId: string): Promise<string | undefined> {
  const [row] = await db.select().from(stripeCustomers).where(eq(stripeCustomers.customerId, customerId)).limit(1);
  return row?.accountCode;
}
