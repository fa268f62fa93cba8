import type { Db } from '@/lib/db/connect';
import { auditLog } from '@/lib/db/schema';
import type { AuditAction } from '@/lib/staff/audit/actions';

export type AuditEntry = {
  actor: string;
  /** One of the actions staff can read (lib/staff/audit/actions.ts): a new one is named there and described in messages/*.json. */
  action: AuditAction;
  accountCode?: string;
  subject?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
};

/**
 * Appends one line to the audit log; `db` may be a transaction so the entry commits with the change.
 * The database chains it to the previous line (README "The audit log"): the insert takes the chain's
 * lock until its transaction ends, so in a transaction audit last, after the change it records.
 */
export async function audit(db: Pick<Db, 'insert'>, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actor: entry.actor,
    action: entry.action,
    accountCode: entry.accountCode ?? null,
    subject: entry.subject ?? null,
    details: entry.details ?? {},
    ip: entry.ip ?? null,
  });
}
