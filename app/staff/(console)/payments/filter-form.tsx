import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PaymentFilters } from '@/lib/staff/payments/filters';
import { KNOWN_PAYMENT_STATUSES, KNOWN_PAYMENT_TYPES } from '@/lib/domain/payments';
import { paymentWords } from './payment-words';

type Values = Record<string, string>;

/**
 * Two modes, each its own form with only its own fields (a GET form: the filters land in the
 * URL): a period (dates, type, status) or a look-up (invoice, refund id, reference, type). A
 * period and a look-up can therefore never be sent together from here.
 */
export async function FilterForm({ mode, values }: { mode: 'period' | 'lookup'; values: Values }) {
  const t = await getTranslations('farpay');
  const words = paymentWords(t);
  const typeSelect = (
    <label className="staff-field">
      {t('filter.type')}
      <select name="type" defaultValue={values.type ?? ''}>
        <option value="">{t('filter.any')}</option>
        {KNOWN_PAYMENT_TYPES.map((type) => (
          <option key={type} value={type}>
            {words.type(type)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="panel">
      <nav aria-label={t('modes.label')} className="pay-modes">
        <Link href="/staff/payments?mode=period" aria-current={mode === 'period' ? 'page' : undefined}>
          {t('modes.period')}
        </Link>
        <Link href="/staff/payments?mode=lookup" aria-current={mode === 'lookup' ? 'page' : undefined}>
          {t('modes.lookup')}
        </Link>
      </nav>
      <form method="get" action="/staff/payments" className="pay-filters" data-testid={`filter-${mode}`}>
        <input type="hidden" name="mode" value={mode} />
        {mode === 'period' ? (
          <>
            <label className="staff-field">
              {t('filter.from')}
              <input type="date" name="from" defaultValue={values.from} required />
            </label>
            <label className="staff-field">
              {t('filter.to')}
              <input type="date" name="to" defaultValue={values.to} required />
            </label>
            {typeSelect}
            <label className="staff-field">
              {t('filter.status')}
              <select name="status" defaultValue={values.status ?? ''}>
                <option value="">{t('filter.any')}</option>
                {KNOWN_PAYMENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {words.status(s)}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : (
          <>
            <p className="staff-hint" style={{ gridColumn: '1 / -1', margin: 0 }}>
              {t('filter.lookupHint')}
            </p>
            <label className="staff-field">
              {t('filter.invoice')}
              <input name="invoice" inputMode="numeric" pattern="[0-9]*" maxLength={12} defaultValue={values.invoice} />
            </label>
            <label className="staff-field">
              {t('filter.refund')}
              <input name="refund" inputMode="numeric" pattern="[0-9]*" maxLength={12} defaultValue={values.refund} />
            </label>
            <label className="staff-field">
              {t('filter.reference')}
              <input name="reference" maxLength={100} defaultValue={values.reference} />
            </label>
            {typeSelect}
          </>
        )}
        <button type="submit" className="button">
          {t('filter.show')}
        </button>
      </form>
    </section>
  );
}

/** The form's values of a view read from the URL, to show them again. */
export function valuesOf(f: PaymentFilters): Values {
  const q = f.query;
  const v: Values = {};
  if (q.type) v.type = q.type;
  if (q.mode === 'period') Object.assign(v, { from: q.from, to: q.to }, f.status ? { status: f.status } : {});
  else {
    if (q.invoiceId !== undefined) v.invoice = String(q.invoiceId);
    if (q.refundId !== undefined) v.refund = String(q.refundId);
    if (q.reference !== undefined) v.reference = q.reference;
  }
  return v;
}
