import { z } from 'zod';

/** QuickPay's subscription as its API and callbacks send it (v10); only the fields we read. */
const quickpayOperation = z.object({
  id: z.number(),
  type: z.string(),
  pending: z.boolean().optional(),
  qp_status_code: z.string().nullable(),
  qp_status_msg: z.string().nullable().optional(),
  aq_status_msg: z.string().nullable().optional(),
});

export const quickpaySubscription = z.object({
  id: z.number().int().positive(),
  order_id: z.string(),
  accepted: z.boolean(),
  type: z.string(),
  state: z.string(),
  currency: z.string(),
  test_mode: z.boolean().optional(),
  metadata: z
    .object({
      brand: z.string().nullable().optional(),
      last4: z.string().nullable().optional(),
      exp_month: z.number().nullable().optional(),
      exp_year: z.number().nullable().optional(),
    })
    .partial()
    .nullable()
    .optional(),
  operations: z.array(quickpayOperation).default([]),
});
export type QuickpaySubscription = z.infer<typeof quickpaySubscription>;

export const quickpayLink = z.object({ url: z.url() });

/** QuickPay's "approved" status code. */
export const QP_APPROVED = '20000';
