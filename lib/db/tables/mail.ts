import { bigserial, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** What a customer email is about: the portal's own events, and what staff send from the account page (lib/staff/accounts/send-by-email.ts). */
/** `card-notice`: the security notice when a card is added to or removed from an account (lib/mail/card-notice.ts). */
export type MailKind = 'approval-needed' | 'card-expiring' | 'requested-link' | 'card-notice' | StaffSendKind | CampaignMailKind;
/** A campaign's email (lib/staff/campaigns): a legacy card to add again, or a card that expires next month. */
export type CampaignMailKind = 'campaign-legacy' | 'campaign-expiring';
/** What staff send a customer by email: a portal link, Fenerum's Self-Service link, or "please add your card again". */
export type StaffSendKind = 'customer-link' | 'self-service' | 'new-card';
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
    /** The staff member who sent it from the account page; null for the portal's own emails. */
    sentBy: text('sent_by'),
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

/**
 * One customer's "email me a new link" that was taken on (lib/mail/requested-link.ts): counted
 * per account and per address over the last hour, under a lock, so the cap holds across
 * instances. The address is kept as a keyed hash, never as typed. Rows older than a day count
 * for nothing; the maintenance job removes them.
 */
export const linkRequests = pgTable(
  'link_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountCode: text('account_code').notNull(),
    /** HMAC of the lower-cased address (lib/mail/link-request-budget.ts `addressKey`). */
    addressKey: text('address_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('link_requests_account_idx').on(t.accountCode, t.createdAt), index('link_requests_address_idx').on(t.addressKey, t.createdAt)],
);
