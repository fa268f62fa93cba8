import { getLocale, getTranslations } from 'next-intl/server';
import { formatMinor } from '@/lib/staff/payments/format';
import type { Reconciliation } from '@/lib/staff/payments/reconciliation';

const SERIES = [
  { key: 'paidMinor', label: 'paid', color: '#1f6f43' },
  { key: 'failedMinor', label: 'failed', color: '#b3261e' },
  { key: 'refundedMinor', label: 'refunded', color: '#8a5a00' },
] as const;

/**
 * Paid, failed and refunded per day or week as a server-rendered SVG bar chart; the same figures
 * follow as a table (the chart is hidden from screen readers, the table is not).
 */
export async function ReconciliationChart({ r }: { r: Reconciliation }) {
  const [t, locale] = await Promise.all([getTranslations('farpay.reconciliation'), getLocale()]);
  const buckets = r.buckets;
  const max = Math.max(1, ...buckets.flatMap((b) => [b.paidMinor, b.failedMinor, b.refundedMinor]));
  const W = 800;
  const H = 240;
  const slot = W / Math.max(1, buckets.length);
  const bar = Math.max(1, (slot - 2) / 3);
  const title = t('chart', { unit: r.unit });
  return (
    <section aria-labelledby="chart-title">
      <h2 id="chart-title">{title}</h2>
      <svg viewBox={`0 0 ${W} ${H}`} className="pay-chart" aria-hidden="true" focusable="false" data-testid="chart">
        <line x1={0} y1={H - 0.5} x2={W} y2={H - 0.5} stroke="#8a94a3" />
        {buckets.map((b, i) =>
          SERIES.map((s, j) => {
            const h = Math.round(((b[s.key] as number) / max) * (H - 10));
            return <rect key={`${b.start}-${s.key}`} x={i * slot + 1 + j * bar} y={H - h} width={bar} height={h} fill={s.color} />;
          }),
        )}
      </svg>
      <ul className="pay-legend" aria-hidden="true">
        {SERIES.map((s) => (
          <li key={s.key}>
            <span className="pay-swatch" style={{ background: s.color }} />
            {s.label === 'failed' ? t('failed') : t(s.label)}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('chartTable')}</summary>
        <div className="pay-table-wrap" tabIndex={0} role="region" aria-label={t('chartTable')}>
          <table className="staff-table pay-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('start', { unit: r.unit })}</th>
                <th scope="col" className="num">
                  {t('paid')}
                </th>
                <th scope="col" className="num">
                  {t('failed')}
                </th>
                <th scope="col" className="num">
                  {t('refunded')}
                </th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((b) => (
                <tr key={b.start}>
                  <th scope="row">{b.start}</th>
                  <td className="num">{formatMinor(b.paidMinor, locale)}</td>
                  <td className="num">{formatMinor(b.failedMinor, locale)}</td>
                  <td className="num">{formatMinor(b.refundedMinor, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
