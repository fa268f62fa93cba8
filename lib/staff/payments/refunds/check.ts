import { parseEnteredAmount } from '@/lib/farpay/money';
import { isCardPayment, refundStateOf, type Payment } from '@/lib/domain/payments';
import type { RefundOutcomeCode } from './outcomes';

export type RefundAsk = { mode: 'full' | 'partial'; amountText?: string; shownRemainingMinor: number };

/**
 * What is still refundable: the amount paid less every refund of it that has moved or may move
 * money (Paid/Ok and New/Processing; an Error/Ignore refund moved none).
 */
export const remainingOf = (payment: Payment, refunds: Payment[]): number =>
  Math.max(0, payment.paidMinor - refunds.reduce((sum, r) => sum + (refundStateOf(r) === 'failed' ? 0 : Math.abs(r.paidMinor)), 0));

/** Refunded (Paid/Ok) and still pending (New/Processing) at FarPay, øre. */
export function refundFigures(refunds: Payment[]): { refundedMinor: number; pendingMinor: number } {
  let refundedMinor = 0;
  let pendingMinor = 0;
  for (const r of refunds) {
    const state = refundStateOf(r);
    if (state === 'refunded') refundedMinor += Math.abs(r.paidMinor);
    else if (state === 'pending') pendingMinor += Math.abs(r.paidMinor);
  }
  return { refundedMinor, pendingMinor };
}

/** Whether the payment may be refunded at all (the dialog is offered only then). */
export function refundableState(payment: Payment, refunds: Payment[]): 'ok' | 'not-card' | 'not-paid' | 'nothing-left' {
  if (payment.sign !== 'payment' || !isCardPayment(payment)) return 'not-card';
  if (payment.status !== 'Paid') return 'not-paid';
  return remainingOf(payment, refunds) > 0 ? 'ok' : 'nothing-left';
}

/** The largest refund the console sends (9,999,999.99): well inside the refund table's integer column. */
export const MAX_REFUND_MINOR = 999_999_999;

/** The amount a form asks for, in øre, before anything is known of the payment; null = not an amount. */
export function askedAmount(ask: RefundAsk): number | null {
  const amount = ask.mode === 'full' ? (ask.shownRemainingMinor > 0 ? ask.shownRemainingMinor : null) : parseEnteredAmount(ask.amountText ?? '');
  return amount !== null && amount <= MAX_REFUND_MINOR ? amount : null;
}

/** Why a form's amount is not one (before anything is recorded or sent), or null when it is. */
export function amountProblem(ask: RefundAsk): 'invalid-amount' | 'amount-too-large' | null {
  if (askedAmount(ask) !== null) return null;
  const digits = ask.mode === 'full' ? String(ask.shownRemainingMinor) : /^\s*(\d+)(?:[.,]\d{0,2})?\s*$/.exec(ask.amountText ?? '')?.[1];
  const whole = ask.mode === 'full' ? ask.shownRemainingMinor / 100 : Number(digits ?? '0');
  return digits !== undefined && whole > MAX_REFUND_MINOR / 100 ? 'amount-too-large' : 'invalid-amount';
}

/**
 * The checks before sending (card type, Paid, more than 0, at most remaining, 2 decimals) and
 * the stale-form check: the remaining amount must still be the one the form showed.
 */
export function checkRefund(
  payment: Payment,
  refunds: Payment[],
  ask: RefundAsk,
): { ok: true; amountMinor: number } | { ok: false; outcome: RefundOutcomeCode } {
  const state = refundableState(payment, refunds);
  if (state !== 'ok') return { ok: false, outcome: state };
  if (remainingOf(payment, refunds) !== ask.shownRemainingMinor) return { ok: false, outcome: 'changed' };
  const amount = askedAmount(ask);
  if (amount === null) return { ok: false, outcome: 'invalid-amount' };
  if (amount > ask.shownRemainingMinor) return { ok: false, outcome: 'too-much' };
  return { ok: true, amountMinor: amount };
}
