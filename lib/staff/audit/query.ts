import { and, asc, desc, eq, gt, ilike, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { auditLog } from '@/lib/db/schema';
import type { AuditFilters, AuditPage } from './filters';

export type AuditRow = {
  id: number;
  seq: number;
  at: Date;
  actor: string;
  action: string;
  accountCode: string | null;
  subject: string | null;
  details: Record<string, unknown>;
  ip: string | null;
};
export type AuditListing = { rows: AuditRow[]; newerThan: number | null; olderThan: number | null };

const columns = {
  id: auditLog.id,
  seq: auditLog.seq,
  at: auditLog.at,
  actor: auditLog.actor,
  action: auditLog.action,
  accountCode: auditLog.accountCode,
  subject: auditLog.subject,
  details: auditLog.details,
  ip: auditLog.ip,
};
/** The audit page's days are Copenhagen's (DESIGN.md: the merchant's staff are in Denmark). */
const ZONE = 'Europe/Copenhagen';
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** SQL conditions for `filters`: account exact, actor contains, action exact or a prefix ("card" is every card.*), days in Copenhagen. */
function auditConditions(filters: AuditFilters): SQL[] {
  const where: SQL[] = [];
  if (filters.account) where.push(eq(auditLog.accountCode, filters.account));
  if (filters.actor) where.push(ilike(auditLog.actor, `%${likeEscape(filters.actor)}%`));
  if (filters.action) where.push(or(eq(auditLog.action, filters.action), like(auditLog.action, `${likeEscape(filters.action)}.%`)) as SQL);
  if (filters.from) where.push(sql`${auditLog.at} >= (${filters.from}::date::timestamp at time zone ${ZONE})`);
  if (filters.to) where.push(sql`${auditLog.at} < ((${filters.to}::date + 1)::timestamp at time zone ${ZONE})`);
  return where;
}

/**
 * One page of the audit log, newest first, paged by the chain's `seq` (keyset: fast at any
 * depth). `newerThan` / `olderThan` are the cursors for the links, null when there is no such page.
 */
export async function listAuditRows(db: Db, filters: AuditFilters, page: AuditPage, size = 50): Promise<AuditListing> {
  const where = auditConditions(filters);
  if (page.after) {
    const rows = await db
      .select(columns)
      .from(auditLog)
      .where(and(...where, gt(auditLog.seq, page.after)))
      .orderBy(asc(auditLog.seq))
      .limit(size + 1);
    const shown = rows.slice(0, size).reverse();
    return { rows: shown, newerThan: rows.length > size ? (shown[0]?.seq ?? null) : null, olderThan: shown.at(-1)?.seq ?? null };
  }
  const rows = await db
    .select(columns)
    .from(auditLog)
    .where(and(...where, page.before ? lt(auditLog.seq, page.before) : undefined))
    .orderBy(desc(auditLog.seq))
    .limit(size + 1);
  const shown = rows.slice(0, size);
  return { rows: shown, newerThan: page.before ? (shown[0]?.seq ?? null) : null, olderThan: rows.length > size ? (shown.at(-1)?.seq ?? null) : null };
}

/** Every row matching `filters`, newest first, read in batches (the CSV export streams these). */
export async function* auditRowsInBatches(db: Db, filters: AuditFilters, batch = 2000): AsyncGenerator<AuditRow[]> {
  const where = auditConditions(filters);
  let before: number | undefined;
  for (;;) {
    const rows = await db
      .select(columns)
      .from(auditLog)
      .where(and(...where, before ? lt(auditLog.seq, before) : undefined))
      .orderBy(desc(auditLog.seq))
      .limit(batch);
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    before = rows.at(-1)?.seq;
  }
}
