import { getLocale, getTranslations } from 'next-intl/server';
import { formatMinor } from '@/lib/staff/payments/format';
import type { Reconciliation } from '@/lib/staff/payments/reconciliation';

/** "Visa · EUR" is in EUR; a plain label is DKK. */
const currencyOfLabel = (label: string) => /· ([A-Z]{3})$/.exec(label)?.[1] ?? 'DKK';

async function words() {
  const [t, locale] = await Promise.all([getTranslations('farpay'), getLocale()]);
  return { t, money: (m: number, currency = 'DKK') => formatMinor(m, locale, currency) };
}

/** The period's totals, one list per currency (DKK first): count, paid, refunded, pending, returned, net. */
export async function CurrencyTotals({ r, period }: { r: Reconciliation; period: { from: string; to: string } }) {
  const { t, money } = await words();
  return (
    <section className="panel" aria-labelledby="totals">
      <h2 id="totals">{`${period.from} – ${period.to}`}</h2>
      {Object.entries(r.byCurrency)
        .sort(([a], [b]) => (a === 'DKK' ? -1 : b === 'DKK' ? 1 : a.localeCompare(b)))
        .map(([currency, f]) => (
          <dl className="pay-facts" data-testid="totals" data-currency={currency} key={currency}>
            <dt>{t('detail.currency')}</dt>
            <dd>{currency}</dd>
            <dt>{t('reconciliation.count')}</dt>
            <dd>{f.count}</dd>
            <dt>{t('reconciliation.paid')}</dt>
            <dd data-testid="total-paid">{money(f.paidMinor, currency)}</dd>
            <dt>{t('reconciliation.refunded')}</dt>
            <dd data-testid="total-refunded">{money(f.refundedMinor, currency)}</dd>
            {f.pendingRefundMinor > 0 ? (
              <>
                <dt>{t('detail.pending')}</dt>
                <dd>{money(f.pendingRefundMinor, currency)}</dd>
              </>
            ) : null}
            {f.returnedMinor > 0 ? (
              <>
                <dt>{t('reconciliation.returned')}</dt>
                <dd>{money(f.returnedMinor, currency)}</dd>
              </>
            ) : null}
            <dt>{t('reconciliation.net')}</dt>
            <dd>{money(f.paidMinor - f.refundedMinor, currency)}</dd>
          </dl>
        ))}
    </section>
  );
}

/** Count, paid and refunded per payment type (a type in another currency is labelled with it). */
export async function ByTypeTable({ r }: { r: Reconciliation }) {
  const { t, money } = await words();
  return (
    <div className="pay-block">
      <h2 id="by-type">{t('reconciliation.byType')}</h2>
      <div className="pay-table-wrap" tabIndex={0} role="region" aria-label={t('reconciliation.byType')}>
        <table className="staff-table pay-table" data-testid="by-type">
          <thead>
            <tr>
              <th scope="col">{t('table.type')}</th>
              <th scope="col" className="num">
                {t('reconciliation.count')}
              </th>
              <th scope="col" className="num">
                {t('reconciliation.paid')}
              </th>
              <th scope="col" className="num">
                {t('reconciliation.refunded')}
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(r.byType)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([type, v]) => (
                <tr key={type}>
                  <th scope="row">{type}</th>
                  <td className="num">{v.count}</td>
                  <td className="num">{money(v.paidMinor, currencyOfLabel(type))}</td>
                  <td className="num">{money(v.refundedMinor, currencyOfLabel(type))}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Count and amount per status. */
export async function ByStatusTable({ r }: { r: Reconciliation }) {
  const { t, money } = await words();
  return (
    <div className="pay-block">
      <h2 id="by-status">{t('reconciliation.byStatus')}</h2>
      <div className="pay-table-wrap" tabIndex={0} role="region" aria-label={t('reconciliation.byStatus')}>
        <table className="staff-table pay-table">
          <thead>
            <tr>
              <th scope="col">{t('table.status')}</th>
              <th scope="col" className="num">
                {t('reconciliation.count')}
              </th>
              <th scope="col" className="num">
                {t('reconciliation.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(r.byStatus)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([status, v]) => (
                <tr key={status}>
                  <th scope="row">{status}</th>
                  <td className="num">{v.count}</td>
                  <td className="num">{money(v.amountMinor, currencyOfLabel(status))}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
