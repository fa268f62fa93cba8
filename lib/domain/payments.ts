/**
 * Payments as the app sees them (FarPay's wire spellings stay in lib/farpay/wire.ts). Money is
 * integer minor units (øre); a value FarPay sent that the app does not know is kept, not dropped.
 */
const CARD_PAYMENT_TYPES = ['Visa', 'MasterCard', 'Dankort'] as const;
export const KNOWN_PAYMENT_TYPES = ['FI', 'BS', 'LS', 'MPS', 'MPI', 'MRV', 'MRP', ...CARD_PAYMENT_TYPES] as const;
export const KNOWN_PAYMENT_STATUSES = ['Paid', 'PaymentRejected', 'ReimbursedByBank', 'PaymentOptionCanceled', 'PaymentFailed'] as const;
/** A refund record's own statuses (FarPay/ApiDoc Refund.md), beside the payment statuses above. */
const REFUND_RECORD_STATUSES = ['New', 'Processing', 'Ok', 'Error', 'Ignore'] as const;
export type KnownPaymentType = (typeof KNOWN_PAYMENT_TYPES)[number];
export type KnownPaymentStatus = (typeof KNOWN_PAYMENT_STATUSES)[number] | (typeof REFUND_RECORD_STATUSES)[number];

const spelled = <T extends string>(names: readonly T[], raw: string): T | null => names.find((n) => n.toLowerCase() === raw.trim().toLowerCase()) ?? null;
/** A payment type seeds/003 describes, however FarPay cased it ("DanKort"); null for one it does not (shown as sent). */
export const knownPaymentType = (raw: string): KnownPaymentType | null => spelled(KNOWN_PAYMENT_TYPES, raw);
/** A payment's or a refund record's status that FarPay documents; null for another (shown as sent). */
export const knownPaymentStatus = (raw: string): KnownPaymentStatus | null => spelled([...KNOWN_PAYMENT_STATUSES, ...REFUND_RECORD_STATUSES], raw);

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
  /** For a refund: the payment it refunds, when its RefundId names another record. */
  refundOf: number | null;
  /** FarPay's RefundId as sent: its documents disagree on which record it names (PROVIDERS.md). */
  refundIdRaw: number | null;
  /** ISO 4217 when FarPay sent one (DKK, EUR); null = not given (DKK is assumed for display). */
  currency: string | null;
  info: string | null;
  error: string | null;
};

/** A card payment, however FarPay spells the type (`DanKort` in its webhook pages). */
export const isCardPayment = (p: Pick<Payment, 'type'>): boolean => CARD_PAYMENT_TYPES.some((t) => t.toLowerCase() === p.type.toLowerCase());

/** The currency an amount is shown in: FarPay's, or DKK where it names none (seeds/003's examples are DKK). */
export const currencyOf = (p: Pick<Payment, 'currency'>): string => p.currency ?? 'DKK';

/**
 * What a refund record's PaymentStatus means (FarPay/ApiDoc Refund.md: New, Processing, Ok, Error,
 * Ignore; seeds/003: Paid). Only Paid/Ok is money returned; an unknown status is treated as
 * pending, so it still counts against what may be refunded.
 */
export function refundStateOf(p: Pick<Payment, 'status'>): 'refunded' | 'pending' | 'failed' {
  const s = p.status.toLowerCase();
  if (s === 'paid' || s === 'ok') return 'refunded';
  if (s === 'error' || s === 'ignore') return 'failed';
  return 'pending';
}

/** The either-or rule of FarPay's listing, held by the type: a period, or a look-up, never both. */
export type PaymentQuery =
  { mode: 'period'; from: string; to: string; type?: string } | { mode: 'lookup'; invoiceId?: number; refundId?: number; reference?: string; type?: string };

export type PageRequest = { page: number; pageSize: number };
