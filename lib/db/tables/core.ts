import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { PortalGateway } from '@/lib/domain/cards';

/** Every customer link we issue; a token names its row, so a link can be revoked. */
export const issuedLinks = pgTable(
  'issued_links',
  {
    id: text('id').primaryKey(),
    accountCode: text('account_code').notNull(),
    accountUuid: text('account_uuid').notNull(),
    issuedBy: text('issued_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('issued_links_account_idx').on(t.accountCode)],
);

/** Who did what, when and from where: every link issued, every staff, card and money action. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    accountCode: text('account_code'),
    subject: text('subject'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    // The hash chain (lib/audit-chain.ts): set by the BEFORE INSERT trigger `audit_log_chain`
    // under a lock, whatever an insert gives; the JS defaults only satisfy the insert type.
    seq: bigint('seq', { mode: 'number' })
      .notNull()
      .$defaultFn(() => 0),
    prevHash: text('prev_hash')
      .notNull()
      .$defaultFn(() => ''),
    hash: text('hash')
      .notNull()
      .$defaultFn(() => ''),
  },
  (t) => [
    index('audit_log_account_idx').on(t.accountCode, t.at),
    uniqueIndex('audit_log_seq_idx').on(t.seq),
    index('audit_log_actor_idx').on(t.actor, t.at),
    index('audit_log_at_idx').on(t.at),
  ],
);

/**
 * One card on its way to Fenerum. Created when the customer starts (a SetupIntent, a QuickPay
 * subscription), queued once the provider has confirmed it, registered exactly once: the
 * provider id is unique, and only the holder of the lease may call Fenerum for it.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: text('id').primaryKey(),
    gateway: text('gateway').$type<PortalGateway>().notNull(),
    /** seti_… for Stripe, the subscription id for QuickPay. */
    providerRef: text('provider_ref').notNull(),
    /** The id we gave the provider for it (QuickPay's order_id). */
    orderId: text('order_id'),
    accountCode: text('account_code').notNull(),
    accountUuid: text('account_uuid').notNull(),
    /** The customer link whose session started it: that session reuses its open setup instead of making another. */
    linkId: text('link_id'),
    /** What Fenerum registers: pm_… or the subscription id; set when verified. */
    token: text('token'),
    status: text('status').$type<RegistrationStatus>().notNull(),
    cardBrand: text('card_brand'),
    cardLast4: text('card_last4'),
    cardExpMonth: integer('card_exp_month'),
    cardExpYear: integer('card_exp_year'),
    fenerumCardUuid: text('fenerum_card_uuid'),
    attempts: integer('attempts').notNull().default(0),
    /** An earlier attempt may have reached Fenerum without our knowing: look before creating. */
    uncertain: boolean('uncertain').notNull().default(false),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** Why it failed for good, in the app's words (lastError keeps the provider's own). */
    refusal: text('refusal').$type<RegistrationRefusal>(),
    /** Where the card came from when not a customer's own setup: 'import' (issue 27) is tried in Fenerum's bulk lane. */
    origin: text('origin').$type<'import'>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registrations_provider_uq').on(t.gateway, t.providerRef),
    uniqueIndex('registrations_order_uq').on(t.orderId),
    // One Fenerum card is one registration's: two uncertain attempts can never both adopt it.
    uniqueIndex('registrations_fenerum_card_uq').on(t.fenerumCardUuid),
    index('registrations_due_idx').on(t.status, t.nextAttemptAt),
    index('registrations_account_idx').on(t.accountCode, t.createdAt),
    index('registrations_started_idx').on(t.status, t.createdAt),
  ],
);

export type RegistrationStatus =
  /** Waiting for the customer to finish with the provider. */
  | 'started'
  /** Confirmed by the provider; waiting for (another) attempt at Fenerum. */
  | 'queued'
  | 'registered'
  /** Fenerum refused it for good, or the provider says it failed. */
  | 'failed'
  /**
   * Started and never finished within a day: the SetupIntent canceled at Stripe. A provider that
   * confirms it later anyway (a QuickPay window left open) still gets it queued.
   */
  | 'expired';

export type RegistrationRefusal =
  /** Fenerum will not take a card through this gateway for this account (a 400 naming `gateway`). */
  | 'gateway'
  /** Fenerum refused the card itself. */
  | 'card'
  /** A QuickPay test card while QuickPay runs with a live key. */
  | 'test-mode'
  /** Nothing to register (the provider gave no token). */
  | 'no-token';

/** Webhooks and callbacks, stored before they are acted on; a repeat is recognised by its key. */
export const inbox = pgTable(
  'inbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    provider: text('provider').notNull(),
    eventKey: text('event_key').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').notNull(),
  },
  (t) => [uniqueIndex('inbox_provider_event_uq').on(t.provider, t.eventKey)],
);

/** The Stripe customer that holds an account's cards: one per account, made once. */
export const stripeCustomers = pgTable('stripe_customers', {
  accountCode: text('account_code').primaryKey(),
  customerId: text('customer_id').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every new card setup an account started (a SetupIntent, a QuickPay subscription): the hourly cap counts these. */
export const cardSetupStarts = pgTable(
  'card_setup_starts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountCode: text('account_code').notNull(),
    gateway: text('gateway').$type<PortalGateway>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('card_setup_starts_account_idx').on(t.accountCode, t.createdAt)],
);
