import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * A staff member's refund of a FarPay payment, recorded before FarPay is called. The form's
 * idempotency key is unique (a second submit finds the first); at most one refund per payment
 * is `requested` or `unknown` at a time (the partial unique index), so two at once cannot both
 * reach FarPay, and a refund whose call timed out blocks others until it is reconciled.
 */
export const farpayRefunds = pgTable(
  'farpay_refunds',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    paymentId: integer('payment_id').notNull(),
    /** Øre. */
    amountMinor: integer('amount_minor').notNull(),
    /** The remaining amount the form showed (øre). */
    shownRemainingMinor: integer('shown_remaining_minor').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    actor: text('actor').notNull(),
    /** The staff member's address the refund was asked from (lib/server/client-ip.ts), as the audit log has it. */
    ip: text('ip'),
    status: text('status').$type<FarpayRefundStatus>().notNull(),
    /** FarPay's PaymentId of the refund it made. */
    farpayRefundId: integer('farpay_refund_id'),
    /** FarPay's error code ("20040", "20050:460") when it refused. */
    farpayCode: text('farpay_code'),
    farpayMessage: text('farpay_message'),
    farpayAnswer: jsonb('farpay_answer').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('farpay_refunds_payment_idx').on(t.paymentId, t.createdAt),
    uniqueIndex('farpay_refunds_open_uq')
      .on(t.paymentId)
      .where(sql`${t.status} in ('requested', 'unknown')`),
  ],
);

export type FarpayRefundStatus = 'requested' | 'succeeded' | 'failed' | 'unknown' | 'reconciled';
