import type { FarpayRefundStatus } from '@/lib/db/schema';

/**
 * What a refund attempt came to, as a code the page turns into a sentence (messages: farpay.refund.*).
 * `farpayText` is FarPay's own words where the sentence needs them (a PSP's message).
 */
export type RefundOutcomeCode =
  | 'succeeded'
  /** FarPay took the refund but its record is New/Processing: not money returned yet. */
  | 'pending'
  /** The same form was submitted before and is still being sent. */
  | 'in-progress'
  /** The remaining amount is not what the form showed, or another refund of it is under way. */
  | 'changed'
  /** A refund of this payment timed out and is not reconciled yet. */
  | 'unresolved'
  | 'not-card'
  | 'not-paid'
  | 'nothing-left'
  | 'too-much'
  | 'invalid-amount'
  /** More than MAX_REFUND_MINOR: refused before anything is recorded. */
  | 'amount-too-large'
  | 'not-found'
  /** FarPay said 20050. */
  | 'not-refundable'
  /** 20040: the PSP's or acquirer's own message in farpayText. */
  | 'psp-error'
  /** FarPay refused with another code. */
  | 'farpay-refused'
  /** The call timed out or the answer was lost: FarPay may have refunded; it is checked before anything else. */
  | 'unknown'
  /** The refund needs a fresh TOTP code (step-up-rule.ts) and none was typed: nothing recorded or sent. */
  | 'step-up-needed';

export type RefundResult = {
  outcome: RefundOutcomeCode;
  /** The refund's row when one was recorded (nothing is kept for a refusal before sending). */
  refundId?: number;
  status?: FarpayRefundStatus;
  amountMinor?: number;
  remainingMinor?: number;
  farpayText?: string;
  /** The payment's currency (DKK where FarPay names none), once FarPay was asked about it. */
  currency?: string;
  /** True when this is the first submit's result, returned again. */
  repeat?: boolean;
};

/** FarPay's codes (seeds/003) as the outcome a person is told. */
export function outcomeOfCode(code: number | undefined, subCode?: number): RefundOutcomeCode {
  if (subCode === 460) return 'too-much';
  switch (code) {
    case 20012:
      return 'nothing-left';
    case 20013:
      return 'not-paid';
    case 20014:
      return 'not-found';
    case 20050:
      return 'not-refundable';
    case 20040:
      return 'psp-error';
    default:
      return 'farpay-refused';
  }
}
