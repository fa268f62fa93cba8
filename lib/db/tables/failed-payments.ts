import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A failed payment a staff member marked handled: FarPay's failed or rejected payment
 * (`farpay:<PaymentId>`) or a Fenerum payment.declined (`fenerum:<PaymentIntent id>`). One row
 * per payment (the key is the primary key): a second marking finds the first.
 */
export const failedPaymentsHandled = pgTable('failed_payments_handled', {
  paymentKey: text('payment_key').primaryKey(),
  accountCode: text('account_code'),
  handledBy: text('handled_by').notNull(),
  note: text('note').notNull(),
  handledAt: timestamp('handled_at', { withTimezone: true }).notNull().defaultNow(),
});
