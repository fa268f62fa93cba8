'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { checkAction } from './actions';

/** An operator's "check with FarPay" for a refund whose call timed out. */
export function CheckForm({ paymentId }: { paymentId: number }) {
  const t = useTranslations('farpay.detail');
  const [state, action, pending] = useActionState(checkAction, null);
  return (
    <form action={action} data-testid="check-form">
      <input type="hidden" name="paymentId" value={paymentId} />
      <button type="submit" className="button button-secondary" disabled={pending}>
        {t('check')}
      </button>
      <div aria-live="polite">{state ? <p className={state.ok ? 'staff-done' : 'staff-error'}>{state.ok ? state.message : state.error}</p> : null}</div>
    </form>
  );
}
