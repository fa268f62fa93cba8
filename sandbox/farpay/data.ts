/**
 * FarPay's deterministic data set, generated lazily from (seed, size): record i is computed from
 * its index alone, never held as an object, so a million payments cost no memory. Records are
 * spread evenly over DATA_YEAR in index order (PaymentDate grows with i). An odd index may be a
 * refund of the payment just before it (an even index is always a payment), so a refund never
 * depends on anything but its neighbour. Amounts are integer øre throughout.
 */
export const CARD_TYPES = ['Visa', 'MasterCard', 'Dankort'] as const;
export const PAYMENT_TYPES = ['FI', 'BS', 'LS', 'MPS', 'MPI', 'MRV', 'MRP', ...CARD_TYPES] as const;
export const PAYMENT_STATUSES = ['Paid', 'PaymentRejected', 'ReimbursedByBank', 'PaymentOptionCanceled', 'PaymentFailed'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

const BASE_PAYMENT_ID = 1_000_000;
export const BASE_INVOICE_ID = 2_000_000;
/** The data set covers this year (UTC), seconds from its start. */
const DATA_YEAR = 2025;
export const YEAR_START_MS = Date.UTC(DATA_YEAR, 0, 1);
const YEAR_SECONDS = 365 * 24 * 3600;
export const DEFAULT_SIZE = 400;
export const DEFAULT_SEED = 11;

export type FpRecord = {
  paymentId: number;
  invoiceId: number;
  reference: string;
  dateMs: number;
  /** A known type, or what a test created (MobilePayRecurring, Amex…). */
  type: string;
  /** A payment's status, or a refund's (Paid, or Refund.md's New/Processing/Ok/Error/Ignore). */
  status: string;
  toBePaidMinor: number;
  /** Negative for a refund. */
  paidMinor: number;
  sign: 'Payment' | 'Refund';
  /** For a refund: the payment it refunds. */
  refundOf: number | null;
  info: string;
  error: string | null;
};

/** A 32-bit hash of (seed, index, draw): the same triple always gives the same number in [0, 1). */
function draw(seed: number, i: number, k: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(k + 1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

const pick = <T>(weights: ReadonlyArray<readonly [T, number]>, x: number): T => {
  let acc = 0;
  for (const [value, w] of weights) {
    acc += w;
    if (x < acc) return value;
  }
  return (weights[weights.length - 1] as readonly [T, number])[0];
};

const TYPE_WEIGHTS: ReadonlyArray<readonly [PaymentType, number]> = [
  ['Visa', 0.28],
  ['MasterCard', 0.18],
  ['Dankort', 0.14],
  ['BS', 0.12],
  ['LS', 0.06],
  ['FI', 0.06],
  ['MPS', 0.06],
  ['MPI', 0.04],
  ['MRV', 0.03],
  ['MRP', 0.03],
];
const STATUS_WEIGHTS: ReadonlyArray<readonly [PaymentStatus, number]> = [
  ['Paid', 0.8],
  ['PaymentFailed', 0.08],
  ['PaymentRejected', 0.05],
  ['PaymentOptionCanceled', 0.04],
  ['ReimbursedByBank', 0.03],
];
const ERROR_TEXTS = [
  'Insufficient funds',
  'Card expired',
  'Mandate not found at the bank',
  'PSP: 1001:Invalid card number',
  'Acquirer: 2002:Do not honour',
  'Debtor account closed',
] as const;

/** The second of the year record i falls on. */
const secondOf = (i: number, size: number): number => Math.floor((i * YEAR_SECONDS) / size);

/** The first index whose date is at or after `ms` (size when none). */
export function firstIndexAt(ms: number, size: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (YEAR_START_MS + secondOf(mid, size) * 1000 < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function paymentAt(seed: number, i: number, size: number): FpRecord {
  const type = pick(TYPE_WEIGHTS, draw(seed, i, 1));
  const status = pick(STATUS_WEIGHTS, draw(seed, i, 2));
  const amount = 5_000 + Math.floor(draw(seed, i, 3) * 495_001); // 50.00 … 5,000.00
  const paid = status === 'Paid' || status === 'ReimbursedByBank';
  const failed = status === 'PaymentFailed' || status === 'PaymentRejected';
  const error = failed ? (ERROR_TEXTS[Math.floor(draw(seed, i, 4) * ERROR_TEXTS.length)] ?? null) : null;
  const paymentId = BASE_PAYMENT_ID + i;
  return {
    paymentId,
    invoiceId: BASE_INVOICE_ID + i,
    reference: `REF-${BASE_INVOICE_ID + i}`,
    dateMs: YEAR_START_MS + secondOf(i, size) * 1000,
    type,
    status,
    toBePaidMinor: amount,
    paidMinor: paid ? amount : 0,
    sign: 'Payment',
    refundOf: null,
    info: paid ? `${type} payment processed` : `${type} payment not completed`,
    error,
  };
}

/** Record i of the data set. */
export function recordAt(seed: number, i: number, size: number): FpRecord {
  if (i % 2 === 1 && draw(seed, i, 0) < 0.12) {
    const original = paymentAt(seed, i - 1, size);
    if (original.status === 'Paid' && (CARD_TYPES as readonly string[]).includes(original.type)) {
      const full = draw(seed, i, 5) < 0.4;
      const amount = full ? original.paidMinor : Math.max(1, Math.floor(original.paidMinor * draw(seed, i, 6)));
      return {
        ...original,
        paymentId: BASE_PAYMENT_ID + i,
        dateMs: YEAR_START_MS + secondOf(i, size) * 1000,
        paidMinor: -amount,
        sign: 'Refund',
        refundOf: original.paymentId,
        info: full ? 'Full refund processed' : 'Partial refund processed',
        error: null,
      };
    }
  }
  return paymentAt(seed, i, size);
}

/** The index of a base record by its PaymentId, or null. */
export function indexOfPayment(id: number, size: number): number | null {
  const i = id - BASE_PAYMENT_ID;
  return Number.isSafeInteger(i) && i >= 0 && i < size ? i : null;
}

/** Card types (seeds/003: only these are refundable), in any case: FarPay's webhook pages spell `DanKort`. */
export const isCardType = (type: string): boolean => (CARD_TYPES as readonly string[]).some((t) => t.toLowerCase() === type.toLowerCase());

/** Refund statuses that moved no money (FarPay/ApiDoc Refund.md). */
export const isVoidRefundStatus = (status: string): boolean => status === 'Error' || status === 'Ignore';
