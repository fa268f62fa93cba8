/** The refund dialog's reasons; "other" needs a note. */
export const REFUND_REASONS = ['duplicate', 'cancelled', 'goodwill', 'wrong-amount', 'other'] as const;
