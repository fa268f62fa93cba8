import { getTranslations } from 'next-intl/server';
import { readFilters, searchOf } from '@/lib/staff/payments/filters';
import { listPaymentsPage } from '@/lib/staff/payments/pages';
import { staffPage } from '@/lib/server/staff';
import { refusalNotice } from '@/lib/server/staff-refusal';
import { env } from '@/lib/env';
import { FilterForm, valuesOf } from './filter-form';
import { ListExport } from './list-export';
import { Pager } from './pager';
import { PaymentTable } from './payment-table';
import { farpayDown, PaymentsSection } from './section';
import './payments.css';
import { titled } from '@/app/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('payments');

type Search = Promise<Record<string, string | string[] | undefined>>;

/** FarPay's payments: a period or a look-up, filters in the URL, paging without totals. */
export default async function PaymentsPage({ searchParams }: { searchParams: Search }) {
  const [t, params] = await Promise.all([getTranslations('farpay'), searchParams]);
  const page = await staffPage('viewer', refusalNotice(t('forbidden')), async ({ ctx }) => {
    const mode = params.mode === 'lookup' ? 'lookup' : 'period';
    const today = env().farpay.defaultPeriodEnd ?? new Date().toISOString().slice(0, 10);
    // A look-up opened with nothing typed yet is just its form: no "fill in…" before anything was filled in.
    if (mode === 'lookup' && !('invoice' in params || 'refund' in params || 'reference' in params)) return <FilterForm mode={mode} values={{}} />;
    const filters = readFilters(params, today);
    const shown = typeof filters === 'string' ? (mode === 'period' ? readFilters({}, today) : null) : filters;
    const form = <FilterForm mode={mode} values={shown && typeof shown !== 'string' && typeof filters !== 'string' ? valuesOf(shown) : pick(params)} />;
    if (typeof filters === 'string')
      return (
        <>
          {form}
          <p role="alert" className="staff-error">
            {t(`problem.${filters}`)}
          </p>
        </>
      );
    try {
      const { rows, hasNext, farpayRows } = await listPaymentsPage(ctx.farpay, filters);
      return (
        <>
          {form}
          {rows.length > 0 ? <PaymentTable rows={rows} /> : <p className="empty">{farpayRows > 0 ? t('noneOnPage') : t('none')}</p>}
          <Pager page={filters.page} hasNext={hasNext} hrefOf={(n) => `/staff/payments?${searchOf(filters, n)}`} />
          {farpayRows > 0 || filters.page > 0 ? <ListExport href={`/staff/payments/export?${searchOf(filters, 0)}`} /> : null}
        </>
      );
    } catch (err) {
      return farpayDown(err, form, t('unavailable'));
    }
  });
  return <PaymentsSection title={t('title')} lead={t('lead')} current="all" body={page} />;
}

/** The raw text fields, to show a refused form again as typed. */
function pick(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['from', 'to', 'type', 'status', 'invoice', 'refund', 'reference']) {
    const v = params[k];
    if (typeof v === 'string') out[k] = v.slice(0, 100);
  }
  return out;
}
