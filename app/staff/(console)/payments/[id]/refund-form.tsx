'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useState } from 'react';
import { REFUND_REASONS } from '@/lib/staff/payments/refunds/reasons';
import { refundAction, reviewRefundAction } from './actions';
import type { RefundState } from './refund-sentences';

type Props = { paymentId: number; remainingMinor: number; remainingText: string; formKey: string; currency: string };

/**
 * The refund dialog: full (the remaining figure shown) or partial (an amount), a reason chosen
 * from a short list (none preselected) or Other with a note. "Review refund" moves nothing: it
 * shows the summary to confirm ("Refund … of payment … to Visa? This cannot be undone."), with a
 * code field when the refund needs a fresh TOTP code. Only "Confirm refund" moves money. The form
 * carries the remaining amount it showed and its own key: a stale figure sends nothing, a second
 * confirmation (a double click, the back button) gets the first one's result.
 */
export function RefundForm({ paymentId, remainingMinor, remainingText, formKey, currency }: Props) {
  const t = useTranslations('farpay.refund');
  const [review, reviewAction, reviewing] = useActionState<RefundState | null, FormData>(reviewRefundAction, null);
  const [state, confirmAction, confirming] = useActionState<RefundState | null, FormData>(refundAction, null);
  const [mode, setMode] = useState<'full' | 'partial'>('full');
  const [reason, setReason] = useState<string>('');
  const [editing, setEditing] = useState(true);
  const [codeShown, setCodeShown] = useState(false);
  const [opened, setOpened] = useState(false);
  /** The review a confirmation was sent from: its answer is shown under that summary only. */
  const [confirmedFrom, setConfirmedFrom] = useState<RefundState | null>(null);
  const [settled, setSettled] = useState<RefundState | null>(null);
  if (state?.ok && state !== settled) {
    // Made (or under way): the dialog closes and starts over; a new refund is reviewed anew.
    setSettled(state);
    setOpened(false);
    setEditing(true);
    setMode('full');
    setReason('');
    setCodeShown(false);
  }
  // The summary of this very form (its key): once a refund is made the page gives a new key, and
  // the old summary's Confirm is gone with it.
  const summary = !editing && !reviewing && review?.ok && review.summary?.key === formKey ? review.summary : null;
  // The answer to the last confirmation, while the summary it was sent from is the latest review
  // (it outlives the summary when FarPay's refusal draws the page again with a new key).
  const confirmed = !editing && confirmedFrom !== null && confirmedFrom === review ? state : null;
  const askCode = summary !== null && (summary.stepUp || codeShown || confirmed?.stepUp === true);
  const error = editing || reviewing || confirming ? null : confirmed?.ok === false ? confirmed.error : review?.ok === false ? review.error : null;
  return (
    <>
      <details className="panel pay-refund" open={opened || error !== null || summary !== null} onToggle={(e) => setOpened(e.currentTarget.open)}>
        <summary className="button">{t('open')}</summary>
        {/* Submitted by hand, not as a form action: React resets a form after its action, and a
          reset radio would send "full" while the page still shows "partial" and its amount. */}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            if (summary) {
              if (askCode) setCodeShown(true);
              setConfirmedFrom(review);
              startTransition(() => confirmAction(data));
            } else {
              setEditing(false);
              startTransition(() => reviewAction(data));
            }
          }}
          className="staff-form"
          data-testid="refund-form"
          aria-labelledby="refund-title"
        >
          <h2 id="refund-title">{summary ? t('summaryTitle') : t('title')}</h2>
          <input type="hidden" name="key" value={formKey} />
          <input type="hidden" name="paymentId" value={paymentId} />
          <input type="hidden" name="shownRemaining" value={remainingMinor} />
          <div className="pay-refund-part" hidden={summary !== null} key={formKey}>
            <fieldset className="staff-field">
              <legend className="visually-hidden">{t('title')}</legend>
              <label className="pay-radio">
                <input type="radio" name="mode" value="full" checked={mode === 'full'} onChange={() => setMode('full')} />
                {t('full', { amount: remainingText })}
              </label>
              <label className="pay-radio">
                <input type="radio" name="mode" value="partial" checked={mode === 'partial'} onChange={() => setMode('partial')} />
                {t('partial')}
              </label>
            </fieldset>
            {mode === 'partial' ? (
              <label className="staff-field">
                {t('amount', { currency })}
                <input name="amount" inputMode="decimal" autoComplete="off" required maxLength={20} aria-describedby="amount-hint" />
                <small id="amount-hint">{t('amountHint', { amount: remainingText })}</small>
              </label>
            ) : null}
            <label className="staff-field">
              {t('reason')}
              {/* No reason is preselected, and none is assumed: the placeholder posts "" and is refused with a sentence. */}
              <select name="reason" value={reason} onChange={(e) => setReason(e.target.value)}>
                <option value="">{t('reasonPlaceholder')}</option>
                {REFUND_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`reasons.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="staff-field">
              {t('note')}
              <textarea name="note" maxLength={500} required={reason === 'other'} aria-describedby="note-hint" />
              <small id="note-hint">{t('noteHint')}</small>
            </label>
            <button type="submit" className="button" disabled={reviewing} data-testid="refund-review">
              {reviewing ? t('reviewing') : t('submit')}
            </button>
          </div>
          {summary ? (
            <div className="pay-refund-part" data-testid="refund-summary">
              <p className="pay-summary" role="status">
                <strong>{summary.sentence}</strong>
              </p>
              <p>{summary.reason}</p>
              {askCode ? (
                <label className="staff-field" data-testid="step-up">
                  {t('code')}
                  <input name="code" inputMode="numeric" autoComplete="one-time-code" required maxLength={10} aria-describedby="step-up-lead" />
                  <small id="step-up-lead">{t('stepUpLead', { minutes: String(summary.minutes) })}</small>
                </label>
              ) : null}
              <div className="pay-summary-actions">
                <button type="submit" className="button" disabled={confirming} data-testid="refund-confirm">
                  {confirming ? t('confirming') : t('confirm')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setEditing(true)} disabled={confirming}>
                  {t('change')}
                </button>
              </div>
            </div>
          ) : null}
          <div aria-live="polite">
            {error !== null ? (
              <p role="alert" className="staff-error" data-testid="refund-error">
                {error}
              </p>
            ) : null}
          </div>
        </form>
      </details>
      <div aria-live="polite">
        {state?.ok ? (
          <p role="status" className="staff-done" data-testid="refund-done">
            {state.message}
          </p>
        ) : null}
      </div>
    </>
  );
}
