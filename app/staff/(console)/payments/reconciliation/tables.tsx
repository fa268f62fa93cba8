import { getLocale, getTranslations } from 'next-intl/server';
import { formatMinor } from '@/lib/staff/payments/format';
import type { Reconciliation } from '@/lib/staff/payments/reconciliation';
import { paymentWords } from '../payment-words';

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

/**
 * One breakdown table: a heading, a scrollable region named by it, a label column, and number
 * columns; `rows` gives the cells of each sorted label after its row header.
 */
function Breakdown(props: {
  id: string;
  title: string;
  testId?: string;
  labelHead: string;
  numberHeads: string[];
  entries: Record<string, unknown>;
  /** How a label reads (FarPay's codes in words); the label itself by default. */
  shown?: (label: string) => string;
  cells: (label: string) => React.ReactNode[];
}) {
  return (
    <div className="pay-block">
      <h2 id={props.id}>{props.title}</h2>
      <div className="pay-table-wrap" tabIndex={0} role="region" aria-label={props.title}>
        <table className="staff-table pay-table" data-testid={props.testId}>
          <thead>
            <tr>
              <th scope="col">{props.labelHead}</th>
              {props.numberHeads.map((head) => (
                <th key={head} scope="col" className="num">
                  {head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Object.keys(props.entries)
              .sort((a, b) => a.localeCompare(b))
              .map((label) => (
                <tr key={label}>
                  <th scope="row">{props.shown ? props.shown(label) : label}</th>
                  {props.cells(label).map((cell, i) => (
                    <td key={i} className="num">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Count, paid and refunded per payment type (a type in another currency is labelled with it). */
export async function ByTypeTable({ r }: { r: Reconciliation }) {
  const { t, money } = await words();
  const farpay = paymentWords(t);
  return (
    <Breakdown
      id="by-type"
      title={t('reconciliation.byType')}
      testId="by-type"
      labelHead={t('table.type')}
      numberHeads={[t('reconciliation.count'), t('reconciliation.paid'), t('reconciliation.refunded')]}
      entries={r.byType}
      shown={(label) => label.replace(/^[^·]+?(?= ·|$)/, (type) => farpay.type(type))}
      cells={(type) => {
        const v = r.byType[type];
        return v ? [v.count, money(v.paidMinor, currencyOfLabel(type)), money(v.refundedMinor, currencyOfLabel(type))] : [];
      }}
    />
  );
}

/** Count and amount per status. */
export async function ByStatusTable({ r }: { r: Reconciliation }) {
  const { t, money } = await words();
  const farpay = paymentWords(t);
  return (
    <Breakdown
      id="by-status"
      title={t('reconciliation.byStatus')}
      labelHead={t('table.status')}
      numberHeads={[t('reconciliation.count'), t('reconciliation.amount')]}
      entries={r.byStatus}
      shown={(label) => label.replace(/^[^·]+?(?= ·|$)/, (status) => farpay.status(status))}
      cells={(status) => {
        const v = r.byStatus[status];
        return v ? [v.count, money(v.amountMinor, currencyOfLabel(status))] : [];
      }}
    />
  );
}
