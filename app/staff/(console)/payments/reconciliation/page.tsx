import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatMinor } from '@/lib/staff/payments/format';
import { reconcilePeriod } from '@/lib/staff/payments/reconciliation';
import { staffPage } from '@/lib/server/staff';
import { refusalNotice } from '@/lib/server/staff-refusal';
import { periodBody } from '../period-body';
import { PaymentsSection } from '../section';
import { ReconciliationChart } from './chart';
import { FarpayClientText } from '../client-text';
import { ExportButton } from './export-button';
import '../payments.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Reconciliation · Staff console' };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** A period's totals per type and status, paid against refunded, a chart, and the CSV export. */
export default async function ReconciliationPage({ searchParams }: { searchParams: Search }) {
  const [t, locale, params] = await Promise.all([getTranslations('farpay'), getLocale(), searchParams]);
  const money = (m: number, currency = 'DKK') => formatMinor(m, locale, currency);
  /** "Visa · EUR" is in EUR; a plain label is DKK. */
  const currencyOfLabel = (label: string) => /· ([A-Z]{3})$/.exec(label)?.[1] ?? 'DKK';
  const body = await staffPage('viewer', refusalNotice(t('forbidden')), ({ ctx }) =>
    periodBody({ params, action: '/staff/payments/reconciliation', submit: t('reconciliation.show') }, async (period, form) => {
      const r = await reconcilePeriod(ctx.farpay, period);
      const href = `/staff/payments/export?from=${period.from}&to=${period.to}`;
      return (
        <>
          {form}
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
          <FarpayClientText>
            <ExportButton href={href} filename={`farpay-payments-${period.from}-${period.to}.csv`} />
          </FarpayClientText>
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
          <ReconciliationChart r={r} />
        </>
      );
    }),
  );
  return <PaymentsSection title={t('reconciliation.title')} lead={t('reconciliation.lead')} current="reconciliation" body={body} />;
}
