import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate, formatMinor } from '@/lib/staff/payments/format';
import { currencyOf, refundStateOf, type Payment } from '@/lib/domain/payments';
import { paymentWords } from './payment-words';

/**
 * Payments as a table: each links to its detail; a refund shows which payment it refunds. On a
 * phone each row stacks into a card, each value beside its column's name (`data-label`), so the
 * table never scrolls sideways.
 */
export async function PaymentTable({ rows, showError = false }: { rows: Payment[]; showError?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations('farpay'), getLocale()]);
  const words = paymentWords(t);
  return (
    <div className="pay-table-wrap" tabIndex={0} role="region" aria-label={t('table.caption')}>
      <table className="staff-table pay-table pay-table-stacked" data-testid="payments-table">
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.id')}</th>
            <th scope="col">{t('table.date')}</th>
            <th scope="col">{t('table.invoice')}</th>
            <th scope="col">{t('table.type')}</th>
            <th scope="col">{t('table.status')}</th>
            <th scope="col">{t('table.kind')}</th>
            <th scope="col" className="num">
              {t('table.paid')}
            </th>
            {showError ? <th scope="col">{t('table.error')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} data-payment-id={p.id}>
              <td data-label={t('table.id')}>
                <Link href={`/staff/payments/${p.id}`}>{p.id}</Link>
              </td>
              <td data-label={t('table.date')}>{formatDate(p.date, p.dateOnly, locale)}</td>
              <td data-label={t('table.invoice')}>{p.invoiceId ?? ''}</td>
              <td data-label={t('table.type')} title={words.typeAbout(p.type)}>
                {words.type(p.type)}
              </td>
              <td data-label={t('table.status')}>
                {p.sign !== 'refund' || refundStateOf(p) === 'refunded'
                  ? words.status(p.status)
                  : refundStateOf(p) === 'failed'
                    ? t('detail.refundState.failed', { status: words.status(p.status) })
                    : `${words.status(p.status)} · ${t('detail.refundState.pending')}`}
              </td>
              <td data-label={t('table.kind')}>{p.sign === 'unknown' ? t('sign.unknown', { raw: p.signRaw }) : t(`sign.${p.sign}`)}</td>
              <td data-label={t('table.paid')} className="num">
                {formatMinor(p.paidMinor, locale, currencyOf(p))}
              </td>
              {showError ? (
                <td data-label={t('table.error')} translate="no">
                  {p.error ?? ''}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
