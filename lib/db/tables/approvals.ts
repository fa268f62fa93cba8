import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * A payment Fenerum tried off-session that the bank wants the customer to authenticate: one
 * per PaymentIntent, however often the webhook arrives. Account, amount and currency are
 * Stripe's (the PaymentIntent and its customer), never the webhook's.
 */
export const paymentApprovals = pgTable(
  'payment_approvals',
  {
    paymentIntentId: text('payment_intent_id').primaryKey(),
    accountCode: text('account_code').notNull(),
    /** Minor units, as Stripe has it. */
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status').$type<ApprovalStatus>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payment_approvals_account_idx').on(t.accountCode, t.status)],
);

export type ApprovalStatus = 'pending' | 'processing' | 'succeeded' | 'canceled';

/**
 * Each Fenerum webhook we took (the body itself is in `inbox` under the same key) and what
 * became of it: the account's timeline reads these; a failed one is tried again.
 */
export const fenerumWebhookEvents = pgTable(
  'fenerum_webhook_events',
  {
    eventKey: text('event_key').primaryKey(),
    event: text('event').notNull(),
    accountCode: text('account_code'),
    /** What it is about: the PaymentIntent or the Fenerum card. */
    subject: text('subject'),
    status: text('status').$type<'received' | 'handled' | 'ignored' | 'failed'>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    payload: jsonb('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp('handled_at', { withTimezone: true }),
  },
  (t) => [index('fenerum_webhook_events_account_idx').on(t.accountCode, t.receivedAt), index('fenerum_webhook_events_status_idx').on(t.status)],
);

/** "A card expires this month", per account, card and month: the portal's banner reads it. */
export const expiringCardNotices = pgTable(
  'expiring_card_notices',
  {
    accountCode: text('account_code').notNull(),
    cardUuid: text('card_uuid').notNull(),
    /** YYYY-MM the card expires. */
    month: text('month').notNull(),
    cardBrand: text('card_brand'),
    cardLast4: text('card_last4'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('expiring_card_notices_uq').on(t.accountCode, t.cardUuid, t.month)],
);
