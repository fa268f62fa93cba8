import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate, formatMinor } from '@/lib/staff/payments/format';
import { currencyOf, refundStateOf, type Payment } from '@/lib/domain/payments';
import { paymentWords } from './payment-words';

/** Payments as a table: each links to its detail; a refund shows which payment it refunds. */
export async function PaymentTable({ rows, showError = false }: { rows: Payment[]; showError?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations('farpay'), getLocale()]);
  const words = paymentWords(t);
  return (
    <div className="pay-table-wrap" tabIndex={0} role="region" aria-label={t('table.caption')}>
      <table className="staff-table pay-table" data-testid="payments-table">
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
              <td>
                <Link href={`/staff/payments/${p.id}`}>{p.id}</Link>
              </td>
              <td>{formatDate(p.date, p.dateOnly, locale)}</td>
              <td>{p.invoiceId ?? ''}</td>
              <td title={words.typeAbout(p.type)}>{words.type(p.type)}</td>
              <td>
                {p.sign !== 'refund' || refundStateOf(p) === 'refunded'
                  ? words.status(p.status)
                  : refundStateOf(p) === 'failed'
                    ? t('detail.refundState.failed', { status: words.status(p.status) })
                    : `${words.status(p.status)} · ${t('detail.refundState.pending')}`}
              </td>
              <td>{p.sign === 'unknown' ? t('sign.unknown', { raw: p.signRaw }) : t(`sign.${p.sign}`)}</td>
              <td className="num">{formatMinor(p.paidMinor, locale, currencyOf(p))}</td>
              {showError ? <td translate="no">{p.error ?? ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
