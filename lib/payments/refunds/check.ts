import { parseEnteredAmount } from '@/lib/farpay/money';
import { isCardPayment, type Payment } from '../types';
import type { RefundOutcomeCode } from './outcomes';

export type RefundAsk = { mode: 'full' | 'partial'; amountText?: string; shownRemainingMinor: number };

/** What is still refundable: the amount paid less every refund FarPay has made of it. */
export const remainingOf = (payment: Payment, refunds: Payment[]): number =>
  Math.max(0, payment.paidMinor + refunds.reduce((sum, r) => sum + (r.paidMinor < 0 ? r.paidMinor : -r.paidMinor), 0));

/** Whether the payment may be refunded at all (the dialog is offered only then). */
export function refundableState(payment: Payment, refunds: Payment[]): 'ok' | 'not-card' | 'not-paid' | 'nothing-left' {
  if (payment.sign !== 'payment' || !isCardPayment(payment)) return 'not-card';
  if (payment.status !== 'Paid') return 'not-paid';
  return remainingOf(payment, refunds) > 0 ? 'ok' : 'nothing-left';
}

/** The amount a form asks for, in øre, before anything is known of the payment; null = not an amount. */
export function askedAmount(ask: RefundAsk): number | null {
  if (ask.mode === 'full') return ask.shownRemainingMinor > 0 ? ask.shownRemainingMinor : null;
  return parseEnteredAmount(ask.amountText ?? '');
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
