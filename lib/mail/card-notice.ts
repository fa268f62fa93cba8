import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '@/lib/audit';
import { auditLog } from '@/lib/db/schema';
import { rowsOf } from '@/lib/db/rows';
import { isRefused } from '@/lib/domain/outcomes';
import { isFenerumError } from '@/lib/fenerum/errors';
import { queueCustomerEmail, type QueueMailDeps } from './queue';
import type { MailCard } from './types';
import { log } from '@/lib/log';

/** At most one security notice per account in this long: a burst of changes (add, then retire the old card) is one email. */
const CARD_NOTICE_WINDOW_MS = 5 * 60_000;

/** Any fixed number: the advisory-lock namespace of one account's card notices. */
const NOTICE_LOCK_SPACE = 727_274_026;

/** Who changed the account's cards: the customer in the portal, staff in the console, or a bulk import. */
type CardChangedBy = 'customer' | 'staff' | 'import';

export type CardChange = { accountCode: string; change: 'added' | 'removed'; card: MailCard; by: CardChangedBy };

export type CardNoticeDeps = QueueMailDeps & {
  /** Whom the notice says to contact when the change was not theirs (the merchant's support contact: one parameter). */
  support: string;
  /** The window (tests shorten it); default CARD_NOTICE_WINDOW_MS. */
  windowMs?: number;
};

/** `deferred`: claimed, but Fenerum (the recipients) or the database could not be asked now; retryCardNotices sends it. */
export type CardNoticeResult = 'queued' | 'held' | 'not-sent' | 'deferred';

/**
 * The account's recipients are told a card was added or removed ("a card ending 4242 was added —
 * not you? contact <support>"), in the account's language, through the outbox. At most one per
 * account per window, race-safe: under an advisory lock on the account, the notice is claimed by
 * an audit row (`card.notice_queued`) only when no claim is younger than the window, so two
 * changes at the same moment in two processes give one email; a held change is audited
 * (`card.notice_held`) so the timeline still shows it. A claimed notice that cannot be queued now
 * (Fenerum's budget spent, Fenerum or the database down) is not lost: the maintenance job's
 * retryCardNotices queues it later. Never throws: the change it reports is done.
 */
export async function sendCardNotice(deps: CardNoticeDeps, change: CardChange): Promise<CardNoticeResult> {
  try {
    const eventKey = `card-notice:${randomUUID()}`;
    const details = { change: change.change, by: change.by, ...change.card, eventKey };
    const claimed = await claim(deps, change.accountCode, details);
    if (!claimed) return 'held';
    return await queueClaimed(deps, change, eventKey);
  } catch (err) {
    log.error({ err, account: change.accountCode }, 'card notice failed');
    return 'not-sent';
  }
}

/** A claimed notice into the outbox: queued, not sent for good (audited), or deferred (asked again later). */
async function queueClaimed(deps: CardNoticeDeps, change: CardChange, eventKey: string): Promise<Exclude<CardNoticeResult, 'held'>> {
  let queued;
  try {
    queued = await queueCustomerEmail(deps, {
      kind: 'card-notice',
      eventKey,
      accountCode: change.accountCode,
      card: change.card,
      notice: { change: change.change, support: deps.support },
    });
  } catch (err) {
    // Fenerum's budget spent (the usual case) is one short line; anything else keeps its stack.
    const why = isFenerumError(err) ? { why: err.kind, retryAfterSeconds: err.retryAfterSeconds } : { err };
    log.warn({ ...why, account: change.accountCode, eventKey }, 'card notice deferred: its recipients cannot be asked now');
    return 'deferred';
  }
  // No recipient: queueCustomerEmail audited it (`mail.not_sent`); the timeline says so.
  if (!isRefused(queued) && queued.status === 'no-recipient') return 'not-sent';
  if (isRefused(queued) || queued.status === 'mail-off') {
    const why = isRefused(queued) ? (queued.reason === 'not-found' ? 'unknownAccount' : (queued.key ?? queued.reason)) : 'mailOff';
    await audit(deps.db, { actor: 'system', action: NOT_SENT, accountCode: change.accountCode, subject: eventKey, details: { eventKey, why, ...change.card } });
    log.warn({ account: change.accountCode, why }, 'card notice not queued');
    return 'not-sent';
  }
  return 'queued';
}

const NOT_SENT = 'card.notice_not_sent';
/** How long a deferred notice is retried: a day-old "a card was added" still tells; older, it would only puzzle. */
const RETRY_FOR_MS = 24 * 3_600_000;
/** A claim this young may still be in its first attempt. */
const FIRST_ATTEMPT_MS = 60_000;

const claimed = z.object({
  accountCode: z.string(),
  details: z.object({
    eventKey: z.string(),
    change: z.enum(['added', 'removed']),
    by: z.enum(['customer', 'staff', 'import']),
    brand: z.string(),
    last4: z.string(),
    expMonth: z.number(),
    expYear: z.number(),
  }),
});

export type CardNoticeRetryReport = { queued: number; notSent: number; deferred: number };

/**
 * The maintenance job's pass over notices claimed in the last day that reached neither the
 * outbox nor a "not sent" row: each is queued again (its event key makes a repeat find the
 * message already queued, so two instances retrying at once send it once). The pass stops at
 * the first that must wait again: Fenerum's budget is spent for now.
 */
export async function retryCardNotices(deps: CardNoticeDeps, opts: { limit?: number; firstAttemptMs?: number } = {}): Promise<CardNoticeRetryReport> {
  const { limit = 25, firstAttemptMs = FIRST_ATTEMPT_MS } = opts;
  const report: CardNoticeRetryReport = { queued: 0, notSent: 0, deferred: 0 };
  const rows = rowsOf<unknown>(
    await deps.db.execute(sql`
      select c.account_code as "accountCode", c.details
      from audit_log c
      where c.action = ${CLAIM}
        and c.at > now() - ${RETRY_FOR_MS} * interval '1 millisecond'
        and c.at < now() - ${firstAttemptMs} * interval '1 millisecond'
        and not exists (select 1 from mail_outbox m where m.event_key = c.subject)
        and not exists (
          select 1 from audit_log s
          where s.account_code = c.account_code and s.at >= c.at and s.action in ('mail.not_sent', ${NOT_SENT}) and s.subject = c.subject)
      order by c.at
      limit ${limit}`),
  );
  for (const row of rows) {
    const parsed = claimed.safeParse(row);
    // A claim written before notices were retried names no expiry: it is left to age out.
    if (!parsed.success) continue;
    const { accountCode, details } = parsed.data;
    const { eventKey, change, by, ...card } = details;
    const result = await queueClaimed(deps, { accountCode, change, by, card }, eventKey);
    if (result === 'queued') report.queued += 1;
    else if (result === 'not-sent') report.notSent += 1;
    else {
      report.deferred += 1;
      break;
    }
  }
  return report;
}

const CLAIM = 'card.notice_queued';

async function claim(deps: CardNoticeDeps, accountCode: string, details: Record<string, unknown>): Promise<boolean> {
  const windowMs = deps.windowMs ?? CARD_NOTICE_WINDOW_MS;
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${NOTICE_LOCK_SPACE}, hashtext(${accountCode}))`);
    const [recent] = await tx
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.accountCode, accountCode),
          inArray(auditLog.action, [CLAIM]),
          gt(auditLog.at, sql`clock_timestamp() - ${windowMs} * interval '1 millisecond'`),
        ),
      )
      .limit(1);
    await audit(tx, { actor: 'system', action: recent ? 'card.notice_held' : CLAIM, accountCode, subject: String(details.eventKey), details });
    return !recent;
  });
}
