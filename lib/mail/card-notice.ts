import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { audit } from '@/lib/audit';
import { auditLog } from '@/lib/db/schema';
import { isRefused } from '@/lib/domain/outcomes';
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

export type CardNoticeResult = 'queued' | 'held' | 'not-sent';

/**
 * The account's recipients are told a card was added or removed ("a card ending 4242 was added —
 * not you? contact <support>"), in the account's language, through the outbox. At most one per
 * account per window, race-safe: under an advisory lock on the account, the notice is claimed by
 * an audit row (`card.notice_queued`) only when no claim is younger than the window, so two
 * changes at the same moment in two processes give one email; a held change is audited
 * (`card.notice_held`) so the timeline still shows it. Never throws: the change it reports is done.
 */
export async function sendCardNotice(deps: CardNoticeDeps, change: CardChange): Promise<CardNoticeResult> {
  try {
    const eventKey = `card-notice:${randomUUID()}`;
    const details = { change: change.change, by: change.by, brand: change.card.brand, last4: change.card.last4, eventKey };
    const claimed = await claim(deps, change.accountCode, details);
    if (!claimed) return 'held';
    const queued = await queueCustomerEmail(deps, {
      kind: 'card-notice',
      eventKey,
      accountCode: change.accountCode,
      card: change.card,
      notice: { change: change.change, support: deps.support },
    });
    if (isRefused(queued) || queued.status === 'mail-off' || queued.status === 'no-recipient') {
      log.warn({ account: change.accountCode, why: isRefused(queued) ? (queued.key ?? queued.reason) : queued.status }, 'card notice not queued');
      return 'not-sent';
    }
    return 'queued';
  } catch (err) {
    log.error({ err, account: change.accountCode }, 'card notice failed');
    return 'not-sent';
  }
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
