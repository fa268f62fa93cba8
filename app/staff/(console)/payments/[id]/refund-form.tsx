'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useState } from 'react';
import { refundAction } from './actions';
import { REFUND_REASONS } from './reasons';

type Props = { paymentId: number; remainingMinor: number; remainingText: string; formKey: string; currency: string };

/**
 * The refund dialog: full (the remaining figure shown) or partial (an amount), a reason from a
 * short list or Other with a note. The form carries the remaining amount it showed and its own
 * key: a stale figure sends nothing, a second submit gets the first result.
 */
export function RefundForm({ paymentId, remainingMinor, remainingText, formKey, currency }: Props) {
  const t = useTranslations('farpay.refund');
  const [state, action, pending] = useActionState(refundAction, null);
  const [mode, setMode] = useState<'full' | 'partial'>('full');
  const [reason, setReason] = useState<string>('duplicate');
  return (
    <>
      <details className="panel pay-refund" open={state !== null && !state.ok}>
        <summary className="button">{t('open')}</summary>
        {/* Submitted by hand, not as a form action: React resets a form after its action, and a
          reset radio would send "full" while the page still shows "partial" and its amount. */}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            startTransition(() => action(data));
          }}
          className="staff-form"
          data-testid="refund-form"
          aria-labelledby="refund-title"
        >
          <h2 id="refund-title">{t('title')}</h2>
          <input type="hidden" name="key" value={formKey} />
          <input type="hidden" name="paymentId" value={paymentId} />
          <input type="hidden" name="shownRemaining" value={remainingMinor} />
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
            <select name="reason" value={reason} onChange={(e) => setReason(e.target.value)}>
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
          <button type="submit" className="button" disabled={pending}>
            {pending ? t('sending') : t('submit')}
          </button>
          <div aria-live="polite">
            {state?.ok === false ? (
              <p role="alert" className="staff-error" data-testid="refund-error">
                {state.error}
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
