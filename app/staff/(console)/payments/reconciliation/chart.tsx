import { getLocale, getTranslations } from 'next-intl/server';
import { formatMinor } from '@/lib/staff/payments/format';
import type { Reconciliation } from '@/lib/staff/payments/reconciliation';
import { amountTicks, labelledIndexes } from './chart-scale';

const SERIES = [
  { key: 'paidMinor', label: 'paid', color: '#1f6f43' },
  { key: 'failedMinor', label: 'failed', color: '#b3261e' },
  { key: 'refundedMinor', label: 'refunded', color: '#8a5a00' },
] as const;

/**
 * Paid, failed and refunded per day or week as a server-rendered SVG bar chart, with an amount
 * axis (a round scale in kroner), dates under the bars and the axes named; the same figures
 * follow as a table (the chart is hidden from screen readers, the table is not).
 */
export async function ReconciliationChart({ r }: { r: Reconciliation }) {
  const [t, locale] = await Promise.all([getTranslations('farpay.reconciliation'), getLocale()]);
  const buckets = r.buckets;
  const max = Math.max(1, ...buckets.flatMap((b) => [b.paidMinor, b.failedMinor, b.refundedMinor]));
  const ticks = amountTicks(max);
  const top = ticks.at(-1) ?? max;
  const plot = { left: 84, right: 8, top: 28, bottom: 52 };
  const W = 640;
  const H = 300;
  const plotW = W - plot.left - plot.right;
  const plotH = H - plot.top - plot.bottom;
  const slot = plotW / Math.max(1, buckets.length);
  const bar = Math.max(1, (slot - 2) / 3);
  const yOf = (minor: number) => plot.top + plotH - (minor / top) * plotH;
  const kroner = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const title = t('chart', { unit: r.unit });
  return (
    <section aria-labelledby="chart-title">
      <h2 id="chart-title">{title}</h2>
      <svg viewBox={`0 0 ${W} ${H}`} className="pay-chart" aria-hidden="true" focusable="false" data-testid="chart" fontSize={18} fill="#3d4654">
        <text x={4} y={18} data-testid="chart-y-title">
          {t('axisAmount')}
        </text>
        {ticks.map((tick) => (
          <g key={tick} data-testid="chart-y-tick">
            <line x1={plot.left} x2={W - plot.right} y1={yOf(tick)} y2={yOf(tick)} stroke="#dfe3e8" />
            <text x={plot.left - 6} y={yOf(tick) + 6} textAnchor="end">
              {kroner.format(tick / 100)}
            </text>
          </g>
        ))}
        <line x1={plot.left - 0.5} y1={plot.top} x2={plot.left - 0.5} y2={plot.top + plotH} stroke="#8a94a3" />
        <line x1={plot.left} y1={plot.top + plotH + 0.5} x2={W - plot.right} y2={plot.top + plotH + 0.5} stroke="#8a94a3" />
        {buckets.map((b, i) =>
          SERIES.map((s, j) => {
            const h = Math.round((b[s.key] / top) * plotH);
            return <rect key={`${b.start}-${s.key}`} x={plot.left + i * slot + 1 + j * bar} y={plot.top + plotH - h} width={bar} height={h} fill={s.color} />;
          }),
        )}
        {labelledIndexes(buckets.length).map((i) => {
          const b = buckets[i];
          if (!b) return null;
          const x = plot.left + i * slot + slot / 2;
          return (
            <g key={b.start} data-testid="chart-x-tick">
              <line x1={x} x2={x} y1={plot.top + plotH} y2={plot.top + plotH + 5} stroke="#8a94a3" />
              <text x={x} y={plot.top + plotH + 24} textAnchor="middle">
                {dayFormat.format(new Date(`${b.start}T00:00:00Z`))}
              </text>
            </g>
          );
        })}
        <text x={plot.left + plotW / 2} y={H - 4} textAnchor="middle">
          {t('start', { unit: r.unit })}
        </text>
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
