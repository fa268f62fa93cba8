import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import type { FarpayClient } from '@/lib/farpay/client';
import { refundStateOf, type Payment } from '@/lib/domain/payments';
import { remainingOf } from './check';
import { moveRefund, paymentsWithOpenRefunds, refundsOfPayment, type RefundRow } from './store';
import { log } from '@/lib/log';

export type ReconcileDeps = { db: Db; farpay: Pick<FarpayClient, 'getPayment' | 'refundsOf'> };

/** A `requested` refund this old was left by a process that died mid-call: it is as unknown as a timeout. */
const STALE_REQUESTED_MS = 2 * 60_000;
/** FarPay's refund may carry a clock a little behind ours. */
const CLOCK_SLACK_MS = 5 * 60_000;
/**
 * "FarPay made no refund" is concluded only after this many look-ups that found nothing, the
 * first and last this far apart, while FarPay's figures for the payment still show exactly the
 * remaining amount the refund's form showed (nothing at all moved). One empty answer proves
 * nothing: FarPay's documents disagree on how a refund is found (PROVIDERS.md), and a refund
 * may show up late. Anything else stays `unknown` (no second refund) for a person to look at.
 */
const NOT_MADE_AFTER_LOOKS = 3;
const NOT_MADE_AFTER_MS = 30 * 60_000;

type Looks = { count: number; firstAt: string; lastAt: string };

const isOpen = (r: RefundRow, now: number) => r.status === 'unknown' || (r.status === 'requested' && now - r.createdAt.getTime() > STALE_REQUESTED_MS);

function looksOf(row: RefundRow): Looks | null {
  const l = (row.farpayAnswer as { looks?: Looks } | null)?.looks;
  return l && typeof l.count === 'number' ? l : null;
}

/** FarPay's refund that is this one: the same amount, made after it was recorded, not claimed by another row. */
function matchOf(row: RefundRow, farpay: Payment[], claimed: Set<number>): Payment | undefined {
  return farpay
    .filter((p) => !claimed.has(p.id) && -p.paidMinor === row.amountMinor)
    .filter((p) => p.dateOnly || Date.parse(p.date) >= row.createdAt.getTime() - CLOCK_SLACK_MS)
    .sort((a, b) => a.id - b.id)[0];
}

/**
 * Settles a payment's refunds whose fate is open (a timeout, a lost answer) by asking FarPay
 * for the payment's refunds (found through its invoice, whichever way RefundId points): found
 * → `reconciled` to FarPay's refund (`failed` when FarPay's record says Error/Ignore: no money
 * moved); not found → a look is counted, and only the rule above makes it `failed`. Runs in the
 * maintenance job and on an operator's "check with FarPay", never on a page view. Returns how
 * many it settled.
 */
export async function reconcileRefunds(deps: ReconcileDeps, paymentId: number, actor: string, now = Date.now(), ip: string | null = null): Promise<number> {
  const rows = await refundsOfPayment(deps.db, paymentId);
  const open = rows.filter((r) => isOpen(r, now)).sort((a, b) => a.id - b.id);
  if (open.length === 0) return 0;
  const payment = await deps.farpay.getPayment(paymentId);
  const farpay = await deps.farpay.refundsOf(payment);
  const remaining = remainingOf(payment, farpay);
  const claimed = new Set(rows.map((r) => r.farpayRefundId).filter((id): id is number => id !== null));
  let settled = 0;
  for (const row of open) {
    const match = matchOf(row, farpay, claimed);
    const at = new Date(now).toISOString();
    const prior = looksOf(row);
    const looks: Looks = { count: (prior?.count ?? 0) + 1, firstAt: prior?.firstAt ?? at, lastAt: at };
    const notMade =
      !match &&
      looks.count >= NOT_MADE_AFTER_LOOKS &&
      now - Date.parse(looks.firstAt) >= NOT_MADE_AFTER_MS &&
      now - row.createdAt.getTime() >= NOT_MADE_AFTER_MS &&
      remaining === row.shownRemainingMinor;
    if (!match && !notMade) {
      await moveRefund(deps.db, row.id, [row.status], { status: 'unknown', farpayAnswer: { looks } });
      continue;
    }
    const voided = match !== undefined && refundStateOf(match) === 'failed';
    const moved = match
      ? await moveRefund(deps.db, row.id, [row.status], {
          status: voided ? 'failed' : 'reconciled',
          farpayRefundId: match.id,
          farpayAnswer: { ...match },
          ...(voided ? { farpayCode: `status-${match.status}`.slice(0, 40), farpayMessage: `FarPay's refund is ${match.status}: no money moved` } : {}),
        })
      : await moveRefund(deps.db, row.id, [row.status], {
          status: 'failed',
          farpayCode: 'not-at-farpay',
          farpayMessage: 'FarPay has no such refund',
          farpayAnswer: { looks },
        });
    if (!moved) continue;
    if (match) claimed.add(match.id);
    settled++;
    await audit(deps.db, {
      actor,
      ip,
      action: match ? 'farpay.refund.reconciled' : 'farpay.refund.not-made',
      subject: `farpay-payment:${paymentId}`,
      details: { refund: row.id, key: row.idempotencyKey, amountMinor: row.amountMinor, reason: row.reason, farpay: match ? { ...match } : null, looks },
    });
  }
  return settled;
}

/**
 * The maintenance job's part: every payment with an open refund untouched for STALE_REQUESTED_MS
 * (unknown since then, or requested and stale) is checked with FarPay, one at a time. The pause
 * gives FarPay time to list a refund it has just made, and leaves a refund that just timed out to
 * the operator's own "Check with FarPay" meanwhile. A payment FarPay cannot be asked about now is
 * left for the next run. Returns how many refunds it settled.
 */
export async function reconcileOpenRefunds(deps: ReconcileDeps, now = Date.now()): Promise<{ settled: number; failedPayments: number }> {
  const ids = await paymentsWithOpenRefunds(deps.db, new Date(now - STALE_REQUESTED_MS));
  let settled = 0;
  let failedPayments = 0;
  for (const id of ids) {
    try {
      settled += await reconcileRefunds(deps, id, 'system', now);
    } catch (err) {
      failedPayments++;
      log.warn({ payment: id, err }, 'could not check the open refund of a FarPay payment; trying again later');
    }
  }
  return { settled, failedPayments };
}
