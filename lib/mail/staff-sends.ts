import { and, desc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { mailOutbox, registrations, type MailStatus, type StaffSendKind } from '@/lib/db/schema';
import type { RenderedMail } from './types';

/** Any fixed number: the advisory-lock namespace of one account's sends of one kind to one recipient. */
const SEND_LOCK_SPACE = 727_274_005;

/** The event key of a staff send: the form's one-time id, so the same form posted again finds its message. */
const staffSendKey = (sendId: string) => `staff-send:${sendId}`;

/** An earlier send of the same kind to the same recipient: when, and by whom. */
export type EarlierSend = { at: Date; by: string };

type Same = { accountCode: string; kind: StaffSendKind; recipient: string; since: Date };

/** The newest staff send of this kind to this recipient since `since` (any case of the address). */
export async function earlierSend(db: Pick<Db, 'select'>, same: Same): Promise<EarlierSend | undefined> {
  const [row] = await db
    .select({ at: mailOutbox.createdAt, by: mailOutbox.sentBy })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.accountCode, same.accountCode),
        eq(mailOutbox.kind, same.kind),
        sql`lower(${mailOutbox.recipient}) = lower(${same.recipient})`,
        isNotNull(mailOutbox.sentBy),
        gt(mailOutbox.createdAt, same.since),
      ),
    )
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return row ? { at: row.at, by: row.by ?? '' } : undefined;
}

/** The message a send's form id made already (whoever it went to), if any. */
export async function findStaffSend(db: Pick<Db, 'select'>, sendId: string): Promise<{ id: string; recipient: string } | undefined> {
  const [row] = await db
    .select({ id: mailOutbox.id, recipient: mailOutbox.recipient })
    .from(mailOutbox)
    .where(eq(mailOutbox.eventKey, staffSendKey(sendId)))
    .limit(1);
  return row;
}

export type StaffMail = Same & {
  id: string;
  sendId: string;
  locale: string;
  linkId: string | null;
  sentBy: string;
  content: RenderedMail;
  /** The staff member confirmed sending again within the window. */
  confirmed: boolean;
  audit: { ip?: string | null; details: Record<string, unknown> };
};

export type QueueStaffMailResult = { status: 'queued' } | { status: 'replayed' } | { status: 'confirm'; earlier: EarlierSend };

/**
 * Queues one staff-sent message and audits it (`mail.staff_sent`) in one transaction, under a lock
 * on the account, kind and recipient: two sends racing both see each other, so the second asks
 * for confirmation (unless confirmed) instead of going out too; the same form id twice is one message.
 */
export async function queueStaffMail(db: Db, mail: StaffMail): Promise<QueueStaffMailResult> {
  return db.transaction(async (tx) => {
    const lockKey = `${mail.accountCode}\n${mail.kind}\n${mail.recipient.toLowerCase()}`;
    await tx.execute(sql`select pg_advisory_xact_lock(${SEND_LOCK_SPACE}, hashtext(${lockKey}))`);
    if (await findStaffSend(tx, mail.sendId)) return { status: 'replayed' } as const;
    if (!mail.confirmed) {
      const earlier = await earlierSend(tx, mail);
      if (earlier) return { status: 'confirm', earlier } as const;
    }
    await tx.insert(mailOutbox).values({
      id: mail.id,
      eventKey: staffSendKey(mail.sendId),
      recipient: mail.recipient,
      kind: mail.kind,
      accountCode: mail.accountCode,
      locale: mail.locale,
      linkId: mail.linkId,
      sentBy: mail.sentBy,
      ...mail.content,
    });
    await audit(tx, {
      actor: mail.sentBy,
      action: 'mail.staff_sent',
      accountCode: mail.accountCode,
      subject: mail.id,
      details: { kind: mail.kind, to: mail.recipient, locale: mail.locale, linkId: mail.linkId, confirmedResend: mail.confirmed, ...mail.audit.details },
      ip: mail.audit.ip,
    });
    return { status: 'queued' } as const;
  });
}

/** One staff send as the timeline tells it: sent (by whom, to whom, what), delivered or not, opened, and the card it brought. */
export type StaffSend = {
  id: string;
  kind: StaffSendKind;
  recipient: string;
  sentBy: string;
  status: MailStatus;
  lastError: string | null;
  queuedAt: Date;
  openedAt: Date | null;
  /** The first card registered through the session this message's link started. */
  card: { brand: string | null; last4: string | null; at: Date } | null;
};

/** The account's staff sends, newest first, each with the first card registered through its link. */
export async function listStaffSends(db: Db, accountCode: string, limit = 50): Promise<StaffSend[]> {
  const rows = await db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      recipient: mailOutbox.recipient,
      sentBy: mailOutbox.sentBy,
      status: mailOutbox.status,
      lastError: mailOutbox.lastError,
      queuedAt: mailOutbox.createdAt,
      openedAt: mailOutbox.openedAt,
      cardBrand: registrations.cardBrand,
      cardLast4: registrations.cardLast4,
      cardAt: registrations.updatedAt,
    })
    .from(mailOutbox)
    .leftJoin(
      registrations,
      sql`${registrations.id} = (select r.id from registrations r where r.link_id = ${mailOutbox.linkId} and r.status = 'registered' order by r.created_at limit 1)`,
    )
    .where(and(eq(mailOutbox.accountCode, accountCode), isNotNull(mailOutbox.sentBy)))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as StaffSendKind,
    recipient: r.recipient,
    sentBy: r.sentBy ?? '',
    status: r.status,
    lastError: r.lastError,
    queuedAt: r.queuedAt,
    openedAt: r.openedAt,
    card: r.cardAt ? { brand: r.cardBrand, last4: r.cardLast4, at: r.cardAt } : null,
  }));
}
