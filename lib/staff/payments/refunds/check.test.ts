import { describe, expect, it } from 'vitest';
import type { Payment } from '@/lib/domain/payments';
import { amountProblem, checkRefund, MAX_REFUND_MINOR, refundFigures, remainingOf, refundableState } from './check';

const payment = (over: Partial<Payment> = {}): Payment => ({
  id: 1,
  invoiceId: 10,
  date: '2025-01-01T00:00:00Z',
  dateOnly: false,
  toBePaidMinor: 12_550,
  paidMinor: 12_550,
  type: 'Visa',
  status: 'Paid',
  sign: 'payment',
  signRaw: 'Payment',
  refundOf: null,
  refundIdRaw: null,
  currency: null,
  info: null,
  error: null,
  ...over,
});
const refund = (minor: number, status = 'Paid') => payment({ id: 2, paidMinor: -minor, sign: 'refund', refundOf: 1, status });

describe('refund checks', () => {
  it('subtracts every refund from what was paid', () => {
    expect(remainingOf(payment(), [refund(5_000), refund(50)])).toBe(7_500);
    expect(remainingOf(payment(), [refund(12_550)])).toBe(0);
  });
  it('counts Paid/Ok as refunded, New/Processing (and statuses it does not know) as pending, Error/Ignore as no money moved', () => {
    const refunds = [refund(1_000, 'Ok'), refund(200, 'New'), refund(30, 'Processing'), refund(4, 'Later'), refund(5_000, 'Error'), refund(6_000, 'Ignore')];
    expect(refundFigures(refunds)).toEqual({ refundedMinor: 1_000, pendingMinor: 234 });
    expect(remainingOf(payment(), refunds)).toBe(12_550 - 1_234);
  });
  it('takes a Dankort payment in any spelling as a card payment', () => {
    for (const type of ['Dankort', 'DanKort', 'DANKORT', 'visa']) expect(refundableState(payment({ type }), []), type).toBe('ok');
    for (const type of ['MobilePaySubscriptions', 'MobilePayRecurring', 'MobilePayEPayment', 'Amex'])
      expect(refundableState(payment({ type }), []), type).toBe('not-card');
  });
  it('names an amount out of range "too large", and text that is no amount invalid', () => {
    const partial = (amountText: string) => amountProblem({ mode: 'partial', amountText, shownRemainingMinor: 12_550 });
    expect(partial('9999999999')).toBe('amount-too-large');
    expect(partial('99999999999999999999')).toBe('amount-too-large');
    expect(partial('10\u0000')).toBe('invalid-amount');
    expect(partial('9999999.99')).toBeNull();
    expect(partial('10000000')).toBe('amount-too-large');
    expect(amountProblem({ mode: 'full', shownRemainingMinor: MAX_REFUND_MINOR + 1 })).toBe('amount-too-large');
  });
  it('offers a refund for a paid card payment with something left only', () => {
    expect(refundableState(payment(), [])).toBe('ok');
    expect(refundableState(payment({ type: 'BS' }), [])).toBe('not-card');
    expect(refundableState(payment({ type: 'MPS' }), [])).toBe('not-card');
    expect(refundableState(refund(1), [])).toBe('not-card');
    expect(refundableState(payment({ status: 'PaymentFailed', paidMinor: 0 }), [])).toBe('not-paid');
    expect(refundableState(payment(), [refund(12_550)])).toBe('nothing-left');
  });
  it('takes full (the remaining shown) or a partial amount of at most 2 decimals, at most remaining', () => {
    expect(checkRefund(payment(), [refund(5_000)], { mode: 'full', shownRemainingMinor: 7_550 })).toEqual({ ok: true, amountMinor: 7_550 });
    expect(checkRefund(payment(), [], { mode: 'partial', amountText: '50,10', shownRemainingMinor: 12_550 })).toEqual({ ok: true, amountMinor: 5_010 });
    expect(checkRefund(payment(), [], { mode: 'partial', amountText: '125.51', shownRemainingMinor: 12_550 })).toEqual({ ok: false, outcome: 'too-much' });
    for (const amountText of ['0', '1.005', '-3', 'abc', ''])
      expect(checkRefund(payment(), [], { mode: 'partial', amountText, shownRemainingMinor: 12_550 })).toEqual({ ok: false, outcome: 'invalid-amount' });
  });
  it('refuses a form that showed another remaining amount: the payment changed', () => {
    expect(checkRefund(payment(), [refund(100)], { mode: 'full', shownRemainingMinor: 12_550 })).toEqual({ ok: false, outcome: 'changed' });
  });
});
