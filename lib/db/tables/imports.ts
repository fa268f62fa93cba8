import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { PortalGateway } from '@/lib/domain/cards';

/** A row of an import file refused at the check (it is never queued): its line, cells and why. */
export type RejectedImportRow = { line: number; account: string; gateway: string; token: string; reason: string; detail?: string };

/**
 * One import of existing cards (issue 27): the file a staff member or `npm run import` sent, and
 * the rows the check refused (kept here for the failed-rows CSV). Its accepted rows are
 * `card_import_rows`, each queued as a registration in the same transaction.
 */
export const cardImports = pgTable(
  'card_imports',
  {
    id: text('id').primaryKey(),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file's bytes: the same file again is recognised (and adds nothing). */
    fileHash: text('file_hash').notNull(),
    createdBy: text('created_by').notNull(),
    /** Data rows in the file. */
    totalRows: integer('total_rows').notNull(),
    /** Rows queued by this import (not those an earlier import or the portal already holds). */
    queuedRows: integer('queued_rows').notNull(),
    /** Rows that an earlier import (or the portal) already holds: nothing new made for them. */
    knownRows: integer('known_rows').notNull().default(0),
    rejected: jsonb('rejected').$type<RejectedImportRow[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('card_imports_created_idx').on(t.createdAt)],
);

/**
 * A card an import queued. A card is imported once, whatever file names it again: (account,
 * gateway, token) is unique. Its progress is its registration's (lib/registrations/store.ts).
 */
export const cardImportRows = pgTable(
  'card_import_rows',
  {
    id: text('id').primaryKey(),
    importId: text('import_id').notNull(),
    line: integer('line').notNull(),
    accountCode: text('account_code').notNull(),
    gateway: text('gateway').$type<PortalGateway>().notNull(),
    token: text('token').notNull(),
    registrationId: text('registration_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('card_import_rows_card_uq').on(t.accountCode, t.gateway, t.token), index('card_import_rows_import_idx').on(t.importId, t.line)],
);
