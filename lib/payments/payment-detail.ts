import type { Db } from '@/lib/db/connect';
import type { FarpayClient } from '@/lib/farpay/client';
import { isFarpayError } from '@/lib/farpay/errors';
import { refundableState, remainingOf } from './refunds/check';
import { reconcileRefunds } from './refunds/reconcile';
import { findOpen, refundsOfPayment, type RefundRow } from './refunds/store';
import type { Payment } from './types';

export type PaymentDetail = {
  payment: Payment;
  /** FarPay's refunds of it (made here or elsewhere). */
  farpayRefunds: Payment[];
  /** The refunds staff made here: who, what, why, and how it went. */
  ourRefunds: RefundRow[];
  remainingMinor: number;
  refundable: ReturnType<typeof refundableState>;
  /** A refund whose fate is open (timed out, not yet reconciled): no other refund until it is. A refund in flight is not shown as one. */
  open: RefundRow | null;
};

type Deps = { db: Db; farpay: Pick<FarpayClient, 'getPayment' | 'refundsOf'> };

/** A payment, its refunds and what is still refundable; an open (timed-out) refund is reconciled first. */
export async function loadPaymentDetail(deps: Deps, id: number, actor: string): Promise<PaymentDetail | null> {
  let payment: Payment;
  try {
    payment = await deps.farpay.getPayment(id);
  } catch (err) {
    if (isFarpayError(err) && (err.code === 20014 || err.status === 404)) return null;
    throw err;
  }
  // Reconciling first: the figures below then include a refund FarPay made under a timeout.
  await reconcileRefunds(deps, id, actor).catch(() => 0);
  const [farpayRefunds, ourRefunds, open] = await Promise.all([deps.farpay.refundsOf(id), refundsOfPayment(deps.db, id), findOpen(deps.db, id)]);
  return {
    payment,
    farpayRefunds,
    ourRefunds,
    remainingMinor: remainingOf(payment, farpayRefunds),
    refundable: refundableState(payment, farpayRefunds),
    open: open?.status === 'unknown' ? open : null,
  };
}
