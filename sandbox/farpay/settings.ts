import { z } from 'zod';

/**
 * The "unconfirmed" behaviours (PROVIDERS.md: FarPay's documents disagree) as named switches,
 * plus the faults a test may inject. Defaults follow seeds/003; a reset restores them.
 */
export const switchesInput = z.strictObject({
  /** `Payment`/`Refund` (seeds/003), `Plus`/`Minus`, or `1`/`2` (the ApiDoc repository). */
  paymentSign: z.enum(['Payment/Refund', 'Plus/Minus', '1/2']).optional(),
  /** `2025-01-15T10:30:00Z` (seeds/003) or a bare date. */
  paymentDate: z.enum(['datetime', 'date']).optional(),
  /** `{error, errorCode}` (seeds/003), `{Message}`, or FarPay/ApiDoc's `{Message, CorrelationId, Details: [{Code, Message, Details: [{Key, Value}]}]}`. */
  errorBody: z.enum(['seed', 'message', 'message-details']).optional(),
  /**
   * A refund record's PaymentStatus: `Paid` (seeds/003), or one of FarPay/ApiDoc Refund.md's New,
   * Processing, Ok, Error, Ignore. Error/Ignore refunds moved no money: they do not lower what remains.
   */
  refundStatus: z.enum(['Paid', 'Ok', 'New', 'Processing', 'Error', 'Ignore']).optional(),
  /**
   * What `RefundId` names (PROVIDERS.md: FarPay's documents disagree). `original` (seeds/003's
   * refund response): a refund's RefundId is the payment it refunds, and `?refundId=X` lists X's
   * refunds. `refund` (seeds/003's filter example, FarPay/ApiDoc Payment/Readme.md): the original
   * payment's RefundId is its latest refund, a refund's RefundId is its own id, and `?refundId=X`
   * lists the records whose RefundId is X.
   */
  refundIdPointsAt: z.enum(['original', 'refund']).optional(),
  /** A silent cap on pageSize (no error: a larger page is cut to this); null = as asked. Undocumented either way. */
  pageCap: z.number().int().min(1).max(100_000).nullable().optional(),
  /** A 400 when pageSize is above this; null = none (seeds/003 documents no maximum). */
  pageSizeMax: z.number().int().min(1).max(100_000).nullable().optional(),
  /** `seed` (seeds/003: Dankort, MPS…) or FarPay's webhook spellings (DanKort, MobilePaySubscriptions). */
  typeSpelling: z.enum(['seed', 'webhook']).optional(),
  /** `none` (the v2 payments page shows no Currency), `DKK` on every record, or `mixed` (some EUR; FarPay's webhook pages). */
  currency: z.enum(['none', 'DKK', 'mixed']).optional(),
  /** MobilePay payments refundable too (the ApiDoc repository says so). */
  mobilePayRefundable: z.boolean().optional(),
  /** An amount over the remaining: 20012 (seeds/003 wording) or the ApiDoc's `20050:460`. */
  amountTooHigh: z.enum(['20012', '20050:460']).optional(),
  /** Also accept the older `POST /Payments/{id}/refund/{amountInMinorUnits}`. */
  legacyRefundPath: z.boolean().optional(),
  /** Every API answer waits this long first (ms). */
  slowMs: z.number().int().min(0).max(120_000).optional(),
  /** The next n API calls answer 502 with an HTML page (nothing done). */
  badGatewayNext: z.number().int().min(0).max(1000).optional(),
});

export const settingsInput = switchesInput.extend({
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  size: z.number().int().min(0).max(1_000_000).optional(),
});

export type FarpaySettings = Required<z.infer<typeof switchesInput>> & { seed: number; size: number };

export const defaultSwitches = (): Required<z.infer<typeof switchesInput>> => ({
  paymentSign: 'Payment/Refund',
  paymentDate: 'datetime',
  errorBody: 'seed',
  refundStatus: 'Paid',
  refundIdPointsAt: 'original',
  pageCap: null,
  pageSizeMax: null,
  typeSpelling: 'seed',
  currency: 'none',
  mobilePayRefundable: false,
  amountTooHigh: '20012',
  legacyRefundPath: false,
  slowMs: 0,
  badGatewayNext: 0,
});

/** Faults aimed at one payment's refunds, so tests running side by side do not meet each other's. */
export const faultInput = z.strictObject({
  /** The next refund answers 502 with 20040 and this PSP text (e.g. "PSP: 1001:Invalid card number"). */
  pspError: z.string().min(1).max(200).optional(),
  /** The next refund is made, then its answer is held this long (ms): the caller times out. */
  timeoutMs: z.number().int().min(1).max(600_000).optional(),
  /** How many refunds the fault applies to (default 1). */
  count: z.number().int().min(1).max(100).optional(),
});
export type PaymentFault = { pspError?: string; timeoutMs?: number; count: number };
