import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** The two campaigns (issue 27): accounts whose only active cards are on Fenerum's legacy `stripe` gateway, and accounts whose card expires next month. */
export type CampaignKind = 'legacy' | 'expiring';
export type CampaignSendStatus = 'pending' | 'sent' | 'no-recipient' | 'failed';

/**
 * Who a campaign is for, as the last refresh of Fenerum's card list found them
 * (lib/staff/campaigns/refresh.ts): one row per campaign and account, with the card it is about.
 * Replaced whole by each refresh; the page reads only this, never Fenerum.
 */
export const campaignCandidates = pgTable(
  'campaign_candidates',
  {
    campaign: text('campaign').$type<CampaignKind>().notNull(),
    accountUuid: text('account_uuid').notNull(),
    accountCode: text('account_code').notNull(),
    accountName: text('account_name').notNull(),
    cardUuid: text('card_uuid').notNull(),
    cardBrand: text('card_brand').notNull(),
    cardLast4: text('card_last4').notNull(),
    cardExpMonth: integer('card_exp_month').notNull(),
    cardExpYear: integer('card_exp_year').notNull(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaign, t.accountUuid] }), index('campaign_candidates_code_idx').on(t.campaign, t.accountCode)],
);

/** The candidates' one bookkeeping row: the refresh running (since when) and the last one that finished. */
export const campaignRefresh = pgTable('campaign_refresh', {
  id: text('id').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  /** Fenerum calls the last refresh spent (card pages, and the account index's catch-up). */
  calls: integer('calls').notNull().default(0),
  cardsSeen: integer('cards_seen').notNull().default(0),
  /** Accounts with a candidate card that the account index does not know yet (left out until it does). */
  unindexed: integer('unindexed').notNull().default(0),
  lastError: text('last_error'),
});

/**
 * One campaign email to one account (all its mail recipients, through the outbox: event key
 * `campaign:<id>`), and its one reminder (`campaign:<id>:reminder`). Opened and card replaced are
 * read from the outbox and the registrations, never stored twice. A send within the window of an
 * earlier one of the same campaign to the same account is never made (lib/staff/campaigns/rules.ts).
 */
export const campaignSends = pgTable(
  'campaign_sends',
  {
    id: text('id').primaryKey(),
    campaign: text('campaign').$type<CampaignKind>().notNull(),
    accountCode: text('account_code').notNull(),
    accountName: text('account_name').notNull(),
    /** The card it is about, as the candidates list showed it. */
    card: jsonb('card').$type<{ brand: string; last4: string; expMonth: number; expYear: number }>().notNull(),
    status: text('status').$type<CampaignSendStatus>().notNull().default('pending'),
    sentBy: text('sent_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the outbox took it (one message per recipient). */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    lastError: text('last_error'),
    reminderStatus: text('reminder_status').$type<CampaignSendStatus>(),
    remindedBy: text('reminded_by'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    reminderRecipients: jsonb('reminder_recipients').$type<string[]>(),
  },
  (t) => [index('campaign_sends_account_idx').on(t.campaign, t.accountCode, t.createdAt), index('campaign_sends_status_idx').on(t.status)],
);
