import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import type { FarpayClient } from '@/lib/farpay/client';
import type { Payment } from '../types';
import { moveRefund, refundsOfPayment, type RefundRow } from './store';

export type ReconcileDeps = { db: Db; farpay: Pick<FarpayClient, 'refundsOf'> };

/** A `requested` refund this old was left by a process that died mid-call: it is as unknown as a timeout. */
export const STALE_REQUESTED_MS = 2 * 60_000;
/** FarPay's refund may carry a clock a little behind ours. */
const CLOCK_SLACK_MS = 5 * 60_000;

const isOpen = (r: RefundRow, now: number) => r.status === 'unknown' || (r.status === 'requested' && now - r.createdAt.getTime() > STALE_REQUESTED_MS);

/** FarPay's refund that is this one: the same amount, made after it was recorded, not claimed by another row. */
function matchOf(row: RefundRow, farpay: Payment[], claimed: Set<number>): Payment | undefined {
  return farpay
    .filter((p) => !claimed.has(p.id) && -p.paidMinor === row.amountMinor)
    .filter((p) => p.dateOnly || Date.parse(p.date) >= row.createdAt.getTime() - CLOCK_SLACK_MS)
    .sort((a, b) => a.id - b.id)[0];
}

/**
 * Settles a payment's refunds whose fate is open (a timeout, a lost answer) by asking FarPay
 * through the `refundId` filter: found → `reconciled` to FarPay's refund; not there → `failed`
 * (FarPay made none, a new refund may be sent). Runs on the payment's next view and on an
 * operator's "check with FarPay". Returns how many it settled.
 */
export async function reconcileRefunds(deps: ReconcileDeps, paymentId: number, actor: string, now = Date.now()): Promise<number> {
  const rows = await refundsOfPayment(deps.db, paymentId);
  const open = rows.filter((r) => isOpen(r, now)).sort((a, b) => a.id - b.id);
  if (open.length === 0) return 0;
  const farpay = await deps.farpay.refundsOf(paymentId);
  const claimed = new Set(rows.map((r) => r.farpayRefundId).filter((id): id is number => id !== null));
  let settled = 0;
  for (const row of open) {
    const match = matchOf(row, farpay, claimed);
    const moved = match
      ? await moveRefund(deps.db, row.id, [row.status], { status: 'reconciled', farpayRefundId: match.id, farpayAnswer: { ...match } })
      : await moveRefund(deps.db, row.id, [row.status], { status: 'failed', farpayCode: 'not-at-farpay', farpayMessage: 'FarPay has no such refund' });
    if (!moved) continue;
    if (match) claimed.add(match.id);
    settled++;
    await audit(deps.db, {
      actor,
      action: match ? 'farpay.refund.reconciled' : 'farpay.refund.not-made',
      subject: `farpay-payment:${paymentId}`,
      details: { refund: row.id, key: row.idempotencyKey, amountMinor: row.amountMinor, reason: row.reason, farpay: match ? { ...match } : null },
    });
  }
  return settled;
}
