'use server';

import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formatMinor } from '@/lib/staff/payments/format';
import { reconcileRefunds } from '@/lib/staff/payments/refunds/reconcile';
import { MAX_REFUND_MINOR } from '@/lib/staff/payments/refunds/check';
import { refundPayment } from '@/lib/staff/payments/refunds/refund-payment';
import type { RefundResult } from '@/lib/staff/payments/refunds/outcomes';
import { staffAction, type ActionState } from '@/lib/server/staff';
import { REFUND_REASONS } from './reasons';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const refundInput = z.object({
  key: z.uuid(),
  paymentId: id,
  mode: z.enum(['full', 'partial']),
  amount: z.string().max(40, { message: 'At most 40 characters.' }).optional(),
  shownRemaining: z.coerce.number().int().min(0).max(2_147_483_647),
  reason: z.enum(REFUND_REASONS),
  note: z.string().trim().max(500, { message: 'At most 500 characters.' }).optional(),
});

async function sentence(r: RefundResult, shownRemaining: number): Promise<ActionState> {
  const [t, locale] = await Promise.all([getTranslations('farpay.refund.outcome'), getLocale()]);
  const money = (minor: number | undefined) => formatMinor(minor ?? 0, locale, r.currency);
  switch (r.outcome) {
    case 'succeeded':
      return { ok: true, message: t('succeeded', { amount: money(r.amountMinor) }) };
    case 'pending':
      return { ok: true, message: t('pending', { amount: money(r.amountMinor) }) };
    case 'too-much':
      return { ok: false, error: t('too-much', { remaining: money(r.remainingMinor ?? shownRemaining) }) };
    case 'amount-too-large':
      return {
        ok: false,
        error: t('amount-too-large', {
          max: new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: 2 }).format(MAX_REFUND_MINOR / 100),
        }),
      };
    case 'psp-error':
      return { ok: false, error: t('psp-error', { message: r.farpayText ?? '' }) };
    default:
      return { ok: r.outcome === 'in-progress', ...(r.outcome === 'in-progress' ? { message: t(r.outcome) } : { error: t(r.outcome) }) } as ActionState;
  }
}

/** An operator's refund: the session and role are checked on the server by staffAction. */
export const refundAction = staffAction('operator', refundInput, async (input, { user, ctx, ip }) => {
  if (input.reason === 'other' && !input.note) return { ok: false, error: (await getTranslations('farpay.refund'))('noteRequired') };
  const result = await refundPayment(
    { db: ctx.db, farpay: ctx.farpay },
    {
      key: input.key,
      paymentId: input.paymentId,
      mode: input.mode,
      amountText: input.amount,
      shownRemainingMinor: input.shownRemaining,
      reason: input.reason,
      note: input.note || undefined,
    },
    user.email,
    ip,
  );
  // The page is drawn again only when FarPay gave an answer: a refusal keeps the form and its
  // sentence, and an unknown refund stays unknown (the maintenance job or "Check with FarPay" settles it) until looked at.
  if (result.status === 'succeeded' || result.status === 'failed') revalidatePath(`/staff/payments/${input.paymentId}`);
  return sentence(result, input.shownRemaining);
});

/** "Check with FarPay": settles a refund whose call timed out. */
export const checkAction = staffAction('operator', z.object({ paymentId: id }), async ({ paymentId }, { user, ctx, ip }) => {
  const count = await reconcileRefunds({ db: ctx.db, farpay: ctx.farpay }, paymentId, user.email, Date.now(), ip);
  revalidatePath(`/staff/payments/${paymentId}`);
  return { ok: true, message: (await getTranslations('farpay.detail'))('checked', { count }) };
});
