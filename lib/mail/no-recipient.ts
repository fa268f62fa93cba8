import { and, eq } from 'drizzle-orm';
import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { auditLog, type MailKind } from '@/lib/db/schema';

/** The audit action staff see on the timeline when an email could not go anywhere. */
const NO_RECIPIENT_ACTION = 'mail.not_sent';

/**
 * An email the account should have had but Fenerum names nobody to send it to: once per event
 * in the audit log (actor `system`), so the account's timeline says why no email went out
 * ("no recipient") and staff can add one in Fenerum.
 */
export async function noteNoRecipient(db: Db, input: { accountCode: string; kind: MailKind; eventKey: string }): Promise<void> {
  const [already] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.accountCode, input.accountCode), eq(auditLog.action, NO_RECIPIENT_ACTION), eq(auditLog.subject, input.eventKey)))
    .limit(1);
  if (already) return;
  await audit(db, {
    actor: 'system',
    action: NO_RECIPIENT_ACTION,
    accountCode: input.accountCode,
    subject: input.eventKey,
    details: { kind: input.kind, eventKey: input.eventKey, reason: 'no-recipient' },
  });
}
