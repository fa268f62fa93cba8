/**
 * Payments as the app sees them (FarPay's wire spellings stay in lib/farpay/wire.ts). Money is
 * integer minor units (øre); a value FarPay sent that the app does not know is kept, not dropped.
 */
export const CARD_PAYMENT_TYPES = ['Visa', 'MasterCard', 'Dankort'] as const;
export const KNOWN_PAYMENT_TYPES = ['FI', 'BS', 'LS', 'MPS', 'MPI', 'MRV', 'MRP', ...CARD_PAYMENT_TYPES] as const;
export const KNOWN_PAYMENT_STATUSES = ['Paid', 'PaymentRejected', 'ReimbursedByBank', 'PaymentOptionCanceled', 'PaymentFailed'] as const;
export type KnownPaymentType = (typeof KNOWN_PAYMENT_TYPES)[number];
export type KnownPaymentStatus = (typeof KNOWN_PAYMENT_STATUSES)[number];

export type Payment = {
  id: number;
  invoiceId: number | null;
  /** ISO 8601; a bare date when FarPay sent only the day (`dateOnly`). */
  date: string;
  dateOnly: boolean;
  toBePaidMinor: number;
  /** Negative for a refund. */
  paidMinor: number;
  /** As FarPay sent it (a known type or not). */
  type: string;
  status: string;
  sign: 'payment' | 'refund' | 'unknown';
  /** FarPay's PaymentSign as sent, shown when `sign` is unknown. */
  signRaw: string;
  /** For a refund: the payment it refunds. */
  refundOf: number | null;
  info: string | null;
  error: string | null;
};

export const isCardPayment = (p: Pick<Payment, 'type'>): boolean => (CARD_PAYMENT_TYPES as readonly string[]).includes(p.type);

/** The either-or rule of FarPay's listing, held by the type: a period, or a look-up, never both. */
export type PaymentQuery =
  { mode: 'period'; from: string; to: string; type?: string } | { mode: 'lookup'; invoiceId?: number; refundId?: number; reference?: string; type?: string };

export type PageRequest = { page: number; pageSize: number };
