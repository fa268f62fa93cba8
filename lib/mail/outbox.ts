import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { rowsOf } from '@/lib/db/rows';
import { mailOutbox, type MailKind, type MailStatus } from '@/lib/db/schema';

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** How long a claimed message is held before another instance may take it (a process that died mid-send). */
const SEND_LEASE_MS = 2 * 60_000;

/** The message already queued for this event and recipient, if any. */
export async function findQueued(db: Db, eventKey: string, recipient: string): Promise<OutboxRow | undefined> {
  const [row] = await db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.eventKey, eventKey), eq(mailOutbox.recipient, recipient)))
    .limit(1);
  return row;
}

/** A message's status now (undefined: no such message). */
export async function statusOf(db: Db, id: string): Promise<MailStatus | undefined> {
  const [row] = await db.select({ status: mailOutbox.status }).from(mailOutbox).where(eq(mailOutbox.id, id)).limit(1);
  return row?.status;
}

/**
 * Claims up to `limit` due messages for this process: queued ones whose time has come, and
 * `sending` ones whose lease ran out. Several instances on one Postgres never claim the same row.
 */
export async function claimDueMail(db: Db, opts: { limit: number; id?: string; leaseMs?: number }): Promise<OutboxRow[]> {
  const lease = `${opts.leaseMs ?? SEND_LEASE_MS} milliseconds`;
  const byId = opts.id ? sql`id = ${opts.id} and` : sql``;
  const result = await db.execute(sql`
    update mail_outbox set status = 'sending', lease_until = now() + ${lease}::interval, attempts = attempts + 1, updated_at = now()
    where id in (
      select id from mail_outbox
      where ${byId} ((status = 'queued' and next_attempt_at <= now()) or (status = 'sending' and lease_until < now()))
      order by next_attempt_at limit ${opts.limit}
      for update skip locked)
    returning id`);
  const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(mailOutbox).where(inArray(mailOutbox.id, ids));
}

/**
 * Gives claimed messages back (a process shutting down): queued and due at once, so another
 * instance takes them now instead of when the lease runs out; a claim that sent nothing is not
 * counted as an attempt. Only rows still `sending` (one whose outcome was written stays as it is).
 */
export async function releaseMail(db: Db, ids: string[], opts: { tried: boolean }): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .update(mailOutbox)
    .set({
      status: 'queued',
      leaseUntil: null,
      nextAttemptAt: sql`now()`,
      attempts: opts.tried ? undefined : sql`greatest(${mailOutbox.attempts} - 1, 0)`,
      updatedAt: new Date(),
    })
    .where(and(inArray(mailOutbox.id, ids), eq(mailOutbox.status, 'sending')))
    .returning({ id: mailOutbox.id });
  return rows.length;
}

/**
 * A Fenerum Self-Service link is a key to the customer's Fenerum account, kept nowhere else: once
 * its message is out of our hands (sent, or failed for good) the stored body is cleared.
 */
const forgetSelfServiceBody = {
  html: sql`case when ${mailOutbox.kind} = 'self-service' then '' else ${mailOutbox.html} end`,
  text: sql`case when ${mailOutbox.kind} = 'self-service' then '' else ${mailOutbox.text} end`,
};

/** The SMTP server took it. Only the holder of the claim writes (status still `sending`). */
export async function markSent(db: Pick<Db, 'update'>, id: string, providerMessageId: string | null): Promise<boolean> {
  const rows = await db
    .update(mailOutbox)
    .set({ status: 'sent', sentAt: new Date(), providerMessageId, leaseUntil: null, lastError: null, updatedAt: new Date(), ...forgetSelfServiceBody })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

/** Not sent this time: back in the queue for `retryAt`, or failed for good (`retryAt` null). */
export async function markNotSent(db: Pick<Db, 'update'>, id: string, error: string, retryAt: Date | null): Promise<void> {
  const status: MailStatus = retryAt ? 'queued' : 'failed';
  await db
    .update(mailOutbox)
    .set({
      status,
      lastError: error.slice(0, 500),
      nextAttemptAt: retryAt ?? new Date(),
      leaseUntil: null,
      updatedAt: new Date(),
      ...(retryAt ? {} : forgetSelfServiceBody),
    })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')));
}

/**
 * The customer opened the link a message carried: the message's `openedAt`, and once in the
 * audit log (`mail.opened`), so the timeline shows they acted. Nothing for any other link.
 */
export async function noteMailLinkOpened(db: Db, linkId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(mailOutbox)
      .set({ openedAt: new Date() })
      .where(and(eq(mailOutbox.linkId, linkId), isNull(mailOutbox.openedAt)))
      .returning({ id: mailOutbox.id, accountCode: mailOutbox.accountCode, kind: mailOutbox.kind, eventKey: mailOutbox.eventKey });
    for (const row of rows) {
      await audit(tx, {
        actor: 'customer',
        action: 'mail.opened',
        accountCode: row.accountCode,
        subject: row.id,
        details: { kind: row.kind, eventKey: row.eventKey, linkId },
      });
    }
  });
}

/** One message as the staff timeline shows it: what, to whom, when asked, when sent, whether the customer acted. */
export type AccountMail = {
  id: string;
  kind: MailKind;
  eventKey: string;
  recipient: string;
  locale: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  queuedAt: Date;
  sentAt: Date | null;
  /** When the customer first opened its link; null: not (yet). */
  openedAt: Date | null;
};

/** The portal's own messages to an account (approvals, expiring cards), newest first; what staff sent is `listStaffSends`. */
export async function listAccountMail(db: Db, accountCode: string, limit = 50): Promise<AccountMail[]> {
  return db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      eventKey: mailOutbox.eventKey,
      recipient: mailOutbox.recipient,
      locale: mailOutbox.locale,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      queuedAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
      openedAt: mailOutbox.openedAt,
    })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.accountCode, accountCode), isNull(mailOutbox.sentBy)))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}
