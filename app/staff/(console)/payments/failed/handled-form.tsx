'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { markHandledAction } from './actions';

/** "Mark handled" with a note, for one failed payment. */
export function HandledForm({ paymentKey }: { paymentKey: string }) {
  const t = useTranslations('farpay.failed');
  const id = useId();
  const [state, action, pending] = useActionState(markHandledAction, null);
  return (
    <form action={action} className="failed-handled-form" data-testid="handled-form">
      <input type="hidden" name="key" value={paymentKey} />
      <label htmlFor={id}>{t('note')}</label>
      <textarea id={id} name="note" rows={2} maxLength={500} required />
      <button type="submit" className="button button-secondary" disabled={pending}>
        {t('markHandled')}
      </button>
      <div aria-live="polite">{state ? <p className={state.ok ? 'staff-done' : 'staff-error'}>{state.ok ? state.message : state.error}</p> : null}</div>
    </form>
  );
}
