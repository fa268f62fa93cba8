import { describe, expect, it } from 'vitest';
import type { Payment } from '../types';
import { checkRefund, remainingOf, refundableState } from './check';

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
  info: null,
  error: null,
  ...over,
});
const refund = (minor: number) => payment({ id: 2, paidMinor: -minor, sign: 'refund', refundOf: 1 });

describe('refund checks', () => {
  it('subtracts every refund from what was paid', () => {
    expect(remainingOf(payment(), [refund(5_000), refund(50)])).toBe(7_500);
    expect(remainingOf(payment(), [refund(12_550)])).toBe(0);
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
