import { getLocale, getTranslations } from 'next-intl/server';
import { formatWhen } from '@/lib/i18n/when';
import { formatMinor } from '@/lib/staff/payments/format';
import type { RefundRow } from '@/lib/staff/payments/refunds/store';
import { refundStateOf, type Payment } from '@/lib/domain/payments';

/**
 * The refunds staff made from the console: who refunded what, why, when, and how it went, in the
 * payment's currency; one FarPay still has as New/Processing shows as pending.
 */
export async function OurRefunds({ rows, currency, farpayRefunds }: { rows: RefundRow[]; currency: string; farpayRefunds: Payment[] }) {
  const pending = new Set(farpayRefunds.filter((p) => refundStateOf(p) === 'pending').map((p) => p.id));
  const [t, locale] = await Promise.all([getTranslations('farpay'), getLocale()]);
  return (
    <div className="pay-block">
      <h2 id="our-refunds">{t('detail.ours')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('detail.noneHere')}</p>
      ) : (
        <div className="pay-table-wrap" tabIndex={0} role="region" aria-label={t('detail.ours')}>
          <table className="staff-table pay-table" data-testid="our-refunds">
            <thead>
              <tr>
                <th scope="col">{t('detail.when')}</th>
                <th scope="col">{t('detail.who')}</th>
                <th scope="col" className="num">
                  {t('detail.what')}
                </th>
                <th scope="col">{t('detail.why')}</th>
                <th scope="col">{t('detail.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-status={r.status}>
                  <td>{formatWhen(r.createdAt, locale)}</td>
                  <td>
                    {r.actor}
                    {r.ip && <span className="pay-ip">{t('detail.from', { ip: r.ip })}</span>}
                  </td>
                  <td className="num">{formatMinor(r.amountMinor, locale, currency)}</td>
                  <td>
                    {(t.has(`refund.reasons.${r.reason}` as 'refund.reasons.other') ? t(`refund.reasons.${r.reason}` as 'refund.reasons.other') : r.reason) +
                      (r.note ? ` · ${r.note}` : '')}
                  </td>
                  <td>
                    {r.farpayRefundId !== null && pending.has(r.farpayRefundId) ? t('detail.refundState.pending') : t(`status.${r.status}`)}
                    {r.farpayMessage && r.status === 'failed' ? ` · ${r.farpayMessage}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
