import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Fenerum's accounts as staff search finds them (issue 25): uuid, code, company name and the
 * recipients' email addresses, kept here so a search costs no Fenerum call. Filled and kept
 * fresh by lib/staff/accounts/account-index.ts; `search_text` is code, name and addresses folded
 * (lower case, no accents), what a search's LIKE runs over.
 */
export const accountIndex = pgTable(
  'account_index',
  {
    uuid: text('uuid').primaryKey(),
    code: text('code').notNull(),
    /** The code folded (exact and prefix matches rank first). */
    codeKey: text('code_key').notNull(),
    name: text('name').notNull(),
    /** The recipients' addresses as Fenerum gives them. */
    emails: jsonb('emails').$type<string[]>().notNull().default([]),
    /** A full refresh's recipients so far (its recipient pages), swapped into `emails` when it ends. */
    pendingEmails: jsonb('pending_emails').$type<string[]>(),
    searchText: text('search_text').notNull(),
    /** When Fenerum last listed it (a full refresh deletes what it did not see, after asking by code). */
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
    /** When its recipients were last read; null: to read (new or changed since). */
    recipientsReadAt: timestamp('recipients_read_at', { withTimezone: true }),
  },
  (t) => [
    index('account_index_code_idx').on(t.codeKey),
    index('account_index_pending_idx')
      .on(t.recipientsReadAt)
      .where(sql`${t.recipientsReadAt} is null`),
  ],
);

/**
 * The index's one bookkeeping row: who refreshes it now (a lease, so two instances do not both
 * refresh), the incremental refresh's watermark, and where a full refresh has got to (its phase
 * and page: it continues there after a pause for the bulk lane or a restart).
 */
export const accountIndexState = pgTable('account_index_state', {
  id: text('id').primaryKey(),
  leaseHolder: text('lease_holder'),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  /** Accounts changed since this are read (`last_modified_date__gte`); null until a full refresh has begun. */
  modifiedSince: timestamp('modified_since', { withTimezone: true }),
  /** `accounts` or `recipients` while a full refresh runs; null between them. */
  fullPhase: text('full_phase').$type<'accounts' | 'recipients'>(),
  fullPage: integer('full_page').notNull().default(1),
  fullStartedAt: timestamp('full_started_at', { withTimezone: true }),
  /** The Fenerum calls the running (or last) full refresh has spent. */
  fullCalls: integer('full_calls').notNull().default(0),
  fullCompletedAt: timestamp('full_completed_at', { withTimezone: true }),
  /** One up on every write to the index: each process's copy in memory (index-memory.ts) is read again when it moves. */
  version: integer('version').notNull().default(0),
});
