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

// ── Fenerum webhooks and 3-D Secure approvals (issue 12) ─────────────────────────────────────

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

// ── Customer email (issue 12: emails that lead somewhere) ─────────────────────────────────────

export type MailKind = 'approval-needed' | 'card-expiring';
export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed';

/**
 * The outbox: one row per event and recipient (unique), so one event is never mailed twice.
 * Rendered when queued (the signed link minted then); claimed with SKIP LOCKED by any instance,
 * retried with backoff; a `sending` row whose lease ran out was held by a process that died.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    eventKey: text('event_key').notNull(),
    recipient: text('recipient').notNull(),
    kind: text('kind').$type<MailKind>().notNull(),
    accountCode: text('account_code').notNull(),
    locale: text('locale').notNull(),
    /** The customer link minted for this message (issued_links.id). */
    linkId: text('link_id'),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    status: text('status').$type<MailStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    providerMessageId: text('provider_message_id'),
    /** When the customer first opened this message's link (they acted on it). */
    openedAt: timestamp('opened_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mail_outbox_event_recipient_uq').on(t.eventKey, t.recipient),
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('mail_outbox_account_idx').on(t.accountCode, t.createdAt),
  ],
);

// ─── Staff identity (issue 10: staff users, sign-in, second factor) ──────────────────────────

/** A member of staff who signs in to the console; the email is kept lower-cased. */
export const staffUsers = pgTable(
  'staff_users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<'viewer' | 'support' | 'operator' | 'admin'>().notNull(),
    /** argon2id, PHC string. */
    passwordHash: text('password_hash').notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** The TOTP secret, encrypted (AES-256-GCM); never shown again once enrolled. */
    totpSecret: text('totp_secret'),
    totpEnrolledAt: timestamp('totp_enrolled_at', { withTimezone: true }),
    /** The last TOTP time step accepted: a code is never accepted twice. */
    totpLastStep: integer('totp_last_step'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staff_users_email_uq').on(sql`lower(${t.email})`)],
);

/** A staff session: the cookie holds a random id, the table only its SHA-256. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    secondFactorPassed: boolean('second_factor_passed').notNull().default(false),
  },
  (t) => [index('staff_sessions_user_idx').on(t.userId)],
);

/** Failed (and successful) sign-ins, per email and per address: the limit is counted here so every instance agrees. */
export const staffSignInAttempts = pgTable(
  'staff_sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip'),
    succeeded: boolean('succeeded').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_attempts_email_idx').on(t.email, t.createdAt), index('staff_attempts_ip_idx').on(t.ip, t.createdAt)],
);

/** One-time recovery codes (SHA-256 of the code), used in place of a TOTP code. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staff_recovery_codes_uq').on(t.userId, t.codeHash)],
);
// ── FarPay payments (issue 11) ───────────────────────────────────────────────────────────────

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
