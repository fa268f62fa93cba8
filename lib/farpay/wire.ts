import { z } from 'zod';

/**
 * FarPay's payment record exactly as its API spells it (seeds/003: `ErrorDesription`,
 * `PaymentSign`), loose where its own documents disagree: amounts as numbers or strings, the
 * sign as Payment/Refund, Plus/Minus or 1/2, the date with or without a time.
 */
/** A number or a string (FarPay's documents show both): checked by type, half the cost of a union of two schemas on a 100,000-record export. */
const amount = z.custom<number | string>((v) => typeof v === 'number' || typeof v === 'string', { message: 'Expected a number or a string' });
export const farpayPaymentWire = z.object({
  InvoiceId: amount.nullish(),
  PaymentDate: z.string(),
  ToBePaidAmount: amount.nullish(),
  PaidAmount: amount,
  PaymentType: z.string(),
  PaymentStatus: z.string(),
  PaymentId: z.number().int(),
  RefundId: z.number().int().nullish(),
  PaymentSign: amount.nullish(),
  PaymentInfo: z.string().nullish(),
  ErrorDesription: z.string().nullish(),
  /** DKK or EUR in FarPay's webhook pages; the v2 payments page shows none. */
  Currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .nullish(),
  /** The corrected spelling, should FarPay ever send it. */
  ErrorDescription: z.string().nullish(),
});
export type FarpayPaymentWire = z.infer<typeof farpayPaymentWire>;

/** A listing: a bare array; 204 (no body) when nothing matches. */
export const farpayPaymentListWire = z
  .array(farpayPaymentWire)
  .optional()
  .transform((rows) => rows ?? []);

/** The refund's body (seeds/003): `{Amount}` in decimal; omitted = a full refund. */
export type FarpayRefundBody = { Amount?: number };
