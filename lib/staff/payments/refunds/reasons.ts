import { refused, type Refused } from '@/lib/domain/outcomes';

/** The refund dialog's reasons; "other" needs a note. None is preselected: the form's placeholder is no reason. */
export const REFUND_REASONS = ['duplicate', 'cancelled', 'goodwill', 'wrong-amount', 'other'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

const isReason = (r: string): r is RefundReason => (REFUND_REASONS as readonly string[]).includes(r);

/** The reason a form chose, or why it cannot be taken: none chosen, or Other without a note. */
export function chosenReason(reason: string, note: string | undefined): RefundReason | Refused {
  if (!isReason(reason)) return refused('invalid-input', 'refundReasonMissing');
  if (reason === 'other' && !note?.trim()) return refused('invalid-input', 'refundNoteMissing');
  return reason;
}
