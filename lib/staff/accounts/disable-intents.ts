import { randomUUID } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { auditLog } from '@/lib/db/schema';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { FenerumClient } from '@/lib/fenerum/types';
import type { PaymentCard } from '@/lib/domain/cards';
import { log } from '@/lib/log';

/**
 * A card disable is recorded in the audit log before Fenerum is asked and completed after it (the
 * outbox pattern: Fenerum's call cannot share our transaction). `card.disable_requested` carries
 * everything the final row needs (card, reason, operator, address) under a request id; once
 * Fenerum has disabled the card, `card.disabled` names the same request. If that second write
 * fails, the request stays open: the operator's retry, or the maintenance job, reads the card back
 * from Fenerum and completes it (`card.disabled`, Fenerum holds it disabled) or closes it
 * (`card.disable_not_done`, Fenerum still charges it), so the audit log and Fenerum agree.
 */
const REQUESTED = 'card.disable_requested';
const DISABLED = 'card.disabled';
const NOT_DONE = 'card.disable_not_done';

export type DisableRequest = {
  request: string;
  actor: string;
  ip: string | null;
  accountCode: string;
  cardUuid: string;
  details: Record<string, unknown>;
};

/** A request still open after this long has had its Fenerum call: the job may settle it. */
export const SETTLE_AFTER_MS = 2 * 60_000;
/** How far back the job looks (a job down for days still finds them). */
const LOOK_BACK_DAYS = 7;

export function cardDetails(card: PaymentCard, reason: string | null): Record<string, unknown> {
  return { brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear, gateway: card.gateway, reason };
}

/** Writes `card.disable_requested`: the first half, before Fenerum is called. */
export async function recordDisableRequest(db: Db, input: Omit<DisableRequest, 'request'>): Promise<DisableRequest> {
  const request = { ...input, request: randomUUID() };
  await audit(db, {
    actor: input.actor,
    action: REQUESTED,
    accountCode: input.accountCode,
    subject: input.cardUuid,
    details: { ...input.details, request: request.request },
    ip: input.ip,
  });
  return request;
}

/** Writes `card.disabled` for a request (in the operator's name and from their address, whoever completes it). */
export async function completeDisable(db: Db, req: DisableRequest, completedBy: 'operator' | 'retry' | 'maintenance'): Promise<void> {
  const details = completedBy === 'operator' ? { ...req.details, request: req.request } : { ...req.details, request: req.request, completedBy };
  await audit(db, { actor: req.actor, action: DISABLED, accountCode: req.accountCode, subject: req.cardUuid, details, ip: req.ip });
}

/** Requests no `card.disabled` or `card.disable_not_done` has settled, oldest first; of one card, or of every card older than `olderThanMs`. */
export async function openDisableRequests(db: Db, opts: { cardUuid?: string; olderThan?: Date; now?: Date }): Promise<DisableRequest[]> {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000);
  const settled = sql`exists (select 1 from ${auditLog} s where s.action in (${DISABLED}, ${NOT_DONE}) and s.subject = ${auditLog.subject} and s.details->>'request' = ${auditLog.details}->>'request')`;
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, REQUESTED),
        gt(auditLog.at, since),
        opts.cardUuid ? eq(auditLog.subject, opts.cardUuid) : undefined,
        opts.olderThan ? lt(auditLog.at, opts.olderThan) : undefined,
        sql`not ${settled}`,
      ),
    )
    .orderBy(auditLog.seq)
    .limit(50);
  return rows.map((r) => {
    const { request, ...details } = r.details as { request?: unknown } & Record<string, unknown>;
    return { request: String(request), actor: r.actor, ip: r.ip, accountCode: r.accountCode ?? '', cardUuid: r.subject ?? '', details };
  });
}

export type SettleDeps = { db: Db; fenerum: Pick<FenerumClient, 'getPaymentCard'> };
export type SettleReport = { completed: number; notDone: number; retryLater: number };

/** The maintenance job's part: each request open for a while is completed or closed by what Fenerum holds now. */
export async function settleOpenDisables(deps: SettleDeps, nowMs = Date.now()): Promise<SettleReport> {
  const report: SettleReport = { completed: 0, notDone: 0, retryLater: 0 };
  const open = await openDisableRequests(deps.db, { olderThan: new Date(nowMs - SETTLE_AFTER_MS), now: new Date(nowMs) });
  for (const req of open) {
    const active = await activeAtFenerum(deps, req.cardUuid);
    if (active === 'unknown') report.retryLater++;
    else if (active) {
      await audit(deps.db, {
        actor: 'system',
        action: NOT_DONE,
        accountCode: req.accountCode,
        subject: req.cardUuid,
        details: { request: req.request, requestedBy: req.actor },
      });
      report.notDone++;
    } else {
      await completeDisable(deps.db, req, 'maintenance');
      report.completed++;
    }
  }
  return report;
}

/** Whether Fenerum charges the card now (a card Fenerum no longer has is not charged), or 'unknown' while Fenerum cannot say. */
async function activeAtFenerum(deps: SettleDeps, uuid: string): Promise<boolean | 'unknown'> {
  try {
    return (await deps.fenerum.getPaymentCard(uuid, { priority: 'bulk' })).active;
  } catch (err) {
    if (isFenerumError(err) && err.isNotFound) return false;
    log.warn({ card: uuid, err }, 'could not read a card from Fenerum; its disable is settled later');
    return 'unknown';
  }
}
