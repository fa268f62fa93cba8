'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getTranslations } from 'next-intl/server';
import { isRefused } from '@/lib/domain/outcomes';
import { STEP_UP_MINUTES } from '@/lib/auth/staff/step-up';
import { confirmRefund } from '@/lib/staff/payments/refunds/confirm-refund';
import { reconcileRefunds } from '@/lib/staff/payments/refunds/reconcile';
import { reviewRefund } from '@/lib/staff/payments/refunds/review-refund';
import { staffAction } from '@/lib/server/staff';
import { refundSentence, summaryView, type RefundState } from './refund-sentences';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const refundInput = z.object({
  key: z.uuid(),
  paymentId: id,
  mode: z.enum(['full', 'partial']),
  amount: z.string().max(40, { message: 'At most 40 characters.' }).optional(),
  shownRemaining: z.coerce.number().int().min(0).max(2_147_483_647),
  // The placeholder posts "": the use case refuses it with a sentence (no reason is ever assumed).
  reason: z.string().max(40).optional(),
  note: z.string().trim().max(500, { message: 'At most 500 characters.' }).optional(),
});
const confirmInput = refundInput.extend({ code: z.string().max(40, { message: 'At most 40 characters.' }).optional() });

const request = (input: z.infer<typeof refundInput>) => ({
  key: input.key,
  paymentId: input.paymentId,
  mode: input.mode,
  amountText: input.amount,
  shownRemainingMinor: input.shownRemaining,
  reason: input.reason ?? '',
  note: input.note || undefined,
});

/** "Review refund": checks the form and sums it up for the operator to confirm; reads only, moves nothing. */
export const reviewRefundAction = staffAction<typeof refundInput, RefundState>('operator', refundInput, async (input, { session, ctx }) => {
  const reviewed = await reviewRefund({ db: ctx.db, farpay: ctx.farpay, stepUp: ctx.refundStepUp }, request(input), session);
  if (isRefused(reviewed)) return reviewed;
  if ('kind' in reviewed) return { ok: true, summary: await summaryView(reviewed, input.key, input.reason ?? '', STEP_UP_MINUTES) };
  return refundSentence(reviewed, input.shownRemaining);
});

/** The summary's "Confirm refund": the one action that moves money (once per form), with a step-up code where one is needed. */
export const refundAction = staffAction<typeof confirmInput, RefundState>('operator', confirmInput, async (input, { user, session, ctx, ip }) => {
  const result = await confirmRefund(
    { db: ctx.db, farpay: ctx.farpay, stepUp: ctx.refundStepUp },
    { ...request(input), code: input.code },
    { userId: user.id, email: user.email, session, ip },
  );
  if (isRefused(result)) return result;
  // The page is drawn again only when FarPay gave an answer: a refusal keeps the form and its
  // sentence, and an unknown refund stays unknown (the maintenance job or "Check with FarPay" settles it) until looked at.
  if (result.status === 'succeeded' || result.status === 'failed') revalidatePath(`/staff/payments/${input.paymentId}`);
  return refundSentence(result, input.shownRemaining);
});

/** "Check with FarPay": settles a refund whose call timed out. */
export const checkAction = staffAction('operator', z.object({ paymentId: id }), async ({ paymentId }, { user, ctx, ip }) => {
  const count = await reconcileRefunds({ db: ctx.db, farpay: ctx.farpay }, paymentId, user.email, Date.now(), ip);
  revalidatePath(`/staff/payments/${paymentId}`);
  return { ok: true, message: (await getTranslations('farpay.detail'))('checked', { count }) };
});
