import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { farpayRefunds, type FarpayRefundStatus } from '@/lib/db/schema';

export type RefundRow = typeof farpayRefunds.$inferSelect;
export type NewRefundRow = typeof farpayRefunds.$inferInsert;

/** Postgres' unique_violation, as node-postgres and PGlite report it (drizzle may wrap it in `cause`). */
function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export async function findByKey(db: Db, key: string): Promise<RefundRow | null> {
  const [row] = await db.select().from(farpayRefunds).where(eq(farpayRefunds.idempotencyKey, key));
  return row ?? null;
}

/** The refund of this payment that is `requested` or `unknown`, if any (at most one: the partial unique index). */
export async function findOpen(db: Db, paymentId: number): Promise<RefundRow | null> {
  const [row] = await db
    .select()
    .from(farpayRefunds)
    .where(and(eq(farpayRefunds.paymentId, paymentId), inArray(farpayRefunds.status, ['requested', 'unknown'])));
  return row ?? null;
}

export const refundsOfPayment = (db: Db, paymentId: number): Promise<RefundRow[]> =>
  db.select().from(farpayRefunds).where(eq(farpayRefunds.paymentId, paymentId)).orderBy(desc(farpayRefunds.createdAt), desc(farpayRefunds.id));

/**
 * Records a refund as `requested`: the row, or why not: `same-key` (this form was sent before)
 * or `open` (another refund of the payment is requested or unknown).
 */
export async function insertRequested(db: Db, row: Omit<NewRefundRow, 'status'>): Promise<RefundRow | 'same-key' | 'open'> {
  try {
    const [inserted] = await db
      .insert(farpayRefunds)
      .values({ ...row, status: 'requested' })
      .returning();
    if (inserted) return inserted;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  return (await findByKey(db, row.idempotencyKey)) ? 'same-key' : 'open';
}

export type RefundUpdate = Partial<Pick<RefundRow, 'farpayRefundId' | 'farpayCode' | 'farpayMessage' | 'farpayAnswer'>> & { status: FarpayRefundStatus };

/** Moves a refund on, only from the status it is known to be in (no lost update between two reconcilers). */
export async function moveRefund(db: Db, id: number, from: FarpayRefundStatus[], to: RefundUpdate): Promise<RefundRow | null> {
  const [row] = await db
    .update(farpayRefunds)
    .set({ ...to, updatedAt: sql`now()` })
    .where(and(eq(farpayRefunds.id, id), inArray(farpayRefunds.status, from)))
    .returning();
  return row ?? null;
}

/** A refund nothing was sent for (a stale form): it leaves no row behind. */
export async function dropRequested(db: Db, id: number): Promise<void> {
  await db.delete(farpayRefunds).where(and(eq(farpayRefunds.id, id), eq(farpayRefunds.status, 'requested')));
}

/**
 * Payments with a refund whose fate is open and untouched since `staleBefore`: `unknown` (last
 * looked at or moved before then), or `requested` since before then (a process died mid-call).
 */
export async function paymentsWithOpenRefunds(db: Db, staleBefore: Date): Promise<number[]> {
  const rows = await db
    .selectDistinct({ paymentId: farpayRefunds.paymentId })
    .from(farpayRefunds)
    .where(
      or(
        and(eq(farpayRefunds.status, 'unknown'), lt(farpayRefunds.updatedAt, staleBefore)),
        and(eq(farpayRefunds.status, 'requested'), lt(farpayRefunds.createdAt, staleBefore)),
      ),
    )
    .limit(500);
  return rows.map((r) => r.paymentId);
}
