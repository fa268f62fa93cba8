import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    accountCode: text('account_code'),
    subject: text('subject'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
  },
  (t) => [index('audit_log_account_idx').on(t.accountCode, t.at)],
);
