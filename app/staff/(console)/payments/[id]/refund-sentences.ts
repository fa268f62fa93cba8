import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ActionState } from '@/lib/server/staff';
import { formatMinor } from '@/lib/staff/payments/format';
import { MAX_REFUND_MINOR } from '@/lib/staff/payments/refunds/check';
import type { RefundResult } from '@/lib/staff/payments/refunds/outcomes';
import type { RefundSummary } from '@/lib/staff/payments/refunds/review-refund';

/** What the summary shows, in the reader's language: the one sentence to confirm, the reason, and whether a code is asked (and for how long it holds). */
export type SummaryView = { key: string; sentence: string; reason: string; stepUp: boolean; minutes: number };
/** The refund form's state: an action's answer, the summary after "Review refund", `stepUp` when the confirmation needs a code. */
export type RefundState = ActionState & { summary?: SummaryView; stepUp?: boolean };

/** "Refund DKK 100.00 of payment 1000396 to Visa? This cannot be undone." (the card as far as FarPay names it, else without). */
export async function summaryView(s: RefundSummary, key: string, reason: string, minutes: number): Promise<SummaryView> {
  const [t, locale] = await Promise.all([getTranslations('farpay.refund'), getLocale()]);
  const amount = formatMinor(s.amountMinor, locale, s.currency);
  const id = String(s.paymentId);
  return {
    key,
    sentence: s.card ? t('summary', { amount, id, card: s.card }) : t('summaryNoCard', { amount, id }),
    reason: t('summaryReason', { reason: t(`reasons.${reason}` as 'reasons.other') }),
    stepUp: s.stepUp,
    minutes,
  };
}

/** A refund's outcome as the sentence the form shows, in the reader's language. */
export async function refundSentence(r: RefundResult, shownRemaining: number): Promise<RefundState> {
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
    case 'step-up-needed':
      return { ok: false, error: t('step-up-needed'), stepUp: true };
    case 'in-progress':
      return { ok: true, message: t('in-progress') };
    default:
      return { ok: false, error: t(r.outcome) };
  }
}
