import { isFarpayError } from '@/lib/farpay/errors';
import { currencyOf, isCardPayment } from '@/lib/domain/payments';
import { isRefused, type Refused } from '@/lib/domain/outcomes';
import { amountProblem, askedAmount, checkRefund, remainingOf } from './check';
import type { RefundResult } from './outcomes';
import { chosenReason } from './reasons';
import type { RefundDeps, RefundInput } from './refund-payment';
import { stepUpAsked, type RefundSession, type StepUpPolicy } from './step-up-rule';
import { findOpen } from './store';

/** A refund form as posted: the reason as typed ('' when the placeholder was left). */
export type RefundRequest = Omit<RefundInput, 'reason'> & { reason: string };

/** What the summary shows before anything moves: the amount, the payment, the card as FarPay names it, and whether a code will be asked. */
export type RefundSummary = { kind: 'summary'; paymentId: number; amountMinor: number; currency: string; card: string | null; stepUp: boolean };

export type ReviewDeps = RefundDeps & { stepUp: StepUpPolicy; now?: () => number };

/**
 * The refund button's first step: reads only. The form is checked as the refund will check it
 * (a reason chosen, the amount, no other refund of the payment open, FarPay's figures still the
 * ones shown) and summed up for the
 * person to confirm; nothing is recorded, sent or audited.
 */
export async function reviewRefund(
  deps: ReviewDeps,
  input: RefundRequest,
  session: Omit<RefundSession, 'idHash'>,
): Promise<RefundSummary | RefundResult | Refused> {
  const reason = chosenReason(input.reason, input.note);
  if (isRefused(reason)) return reason;
  const problem = amountProblem(input);
  const amount = askedAmount(input);
  if (problem !== null || amount === null) return { outcome: problem ?? 'invalid-amount' };
  // What the confirmation would be told: a refund of this payment whose fate is open blocks another.
  const open = await findOpen(deps.db, input.paymentId);
  if (open && open.idempotencyKey !== input.key) return { outcome: open.status === 'unknown' ? 'unresolved' : 'changed' };
  let payment;
  let refunds;
  try {
    payment = await deps.farpay.getPayment(input.paymentId);
    refunds = await deps.farpay.refundsOf(payment);
  } catch (err) {
    if (isFarpayError(err) && err.code === 20014) return { outcome: 'not-found' };
    throw err;
  }
  const currency = currencyOf(payment);
  const checked = checkRefund(payment, refunds, input);
  if (!checked.ok) return { outcome: checked.outcome, remainingMinor: remainingOf(payment, refunds), currency };
  return {
    kind: 'summary',
    paymentId: payment.id,
    amountMinor: checked.amountMinor,
    currency,
    card: isCardPayment(payment) ? payment.type : null,
    stepUp: stepUpAsked(checked.amountMinor, deps.stepUp, session, deps.now?.() ?? Date.now()),
  };
}
