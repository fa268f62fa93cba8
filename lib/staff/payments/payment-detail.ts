import type { Db } from '@/lib/db/connect';
import type { FarpayClient } from '@/lib/farpay/client';
import { isFarpayError } from '@/lib/farpay/errors';
import { refundableState, refundFigures, remainingOf } from '@/lib/staff/payments/refunds/check';
import { findOpen, refundsOfPayment, type RefundRow } from '@/lib/staff/payments/refunds/store';
import type { Payment } from '@/lib/domain/payments';

export type PaymentDetail = {
  payment: Payment;
  /** FarPay's refunds of it (made here or elsewhere). */
  farpayRefunds: Payment[];
  /** The refunds staff made here: who, what, why, and how it went. */
  ourRefunds: RefundRow[];
  remainingMinor: number;
  /** FarPay's refunds in Paid/Ok (money returned) and in New/Processing (not yet), øre. */
  refundedMinor: number;
  pendingRefundMinor: number;
  refundable: ReturnType<typeof refundableState>;
  /** A refund whose fate is open (timed out, not yet reconciled): no other refund until it is. A refund in flight is not shown as one. */
  open: RefundRow | null;
};

type Deps = { db: Db; farpay: Pick<FarpayClient, 'getPayment' | 'refundsOf'> };

/**
 * A payment, its refunds and what is still refundable. Reads only: an open (timed-out) refund is
 * shown as open and settled by the maintenance job or an operator's "check with FarPay".
 */
export async function loadPaymentDetail(deps: Deps, id: number): Promise<PaymentDetail | null> {
  let payment: Payment;
  try {
    payment = await deps.farpay.getPayment(id);
  } catch (err) {
    if (isFarpayError(err) && (err.code === 20014 || err.status === 404)) return null;
    throw err;
  }
  const [farpayRefunds, ourRefunds, open] = await Promise.all([
    payment.sign === 'payment' ? deps.farpay.refundsOf(payment) : Promise.resolve([]),
    refundsOfPayment(deps.db, id),
    findOpen(deps.db, id),
  ]);
  const figures = refundFigures(farpayRefunds);
  return {
    payment,
    farpayRefunds,
    ourRefunds,
    remainingMinor: remainingOf(payment, farpayRefunds),
    refundedMinor: figures.refundedMinor,
    pendingRefundMinor: figures.pendingMinor,
    refundable: refundableState(payment, farpayRefunds),
    open: open?.status === 'unknown' ? open : null,
  };
}
