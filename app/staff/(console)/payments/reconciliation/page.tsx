import { getTranslations } from 'next-intl/server';
import { reconcilePeriod } from '@/lib/staff/payments/reconciliation';
import { staffPage } from '@/lib/server/staff';
import { refusalNotice } from '@/lib/server/staff-refusal';
import { periodBody } from '../period-body';
import { PaymentsSection } from '../section';
import { ReconciliationChart } from './chart';
import { ByStatusTable, ByTypeTable, CurrencyTotals } from './tables';
import { FarpayClientText } from '../client-text';
import { ExportButton } from './export-button';
import '../payments.css';
import { titled } from '@/app/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('reconciliation');

type Search = Promise<Record<string, string | string[] | undefined>>;

/** A period's totals per type and status, paid against refunded, a chart, and the CSV export. */
export default async function ReconciliationPage({ searchParams }: { searchParams: Search }) {
  const [t, params] = await Promise.all([getTranslations('farpay'), searchParams]);
  const body = await staffPage('viewer', refusalNotice(t('forbidden')), ({ ctx }) =>
    periodBody({ params, action: '/staff/payments/reconciliation', submit: t('reconciliation.show') }, async (period, form) => {
      const r = await reconcilePeriod(ctx.farpay, period);
      const href = `/staff/payments/export?from=${period.from}&to=${period.to}`;
      return (
        <>
          {form}
          <CurrencyTotals r={r} period={period} />
          <FarpayClientText>
            <ExportButton href={href} filename={`farpay-payments-${period.from}-${period.to}.csv`} />
          </FarpayClientText>
          <ByTypeTable r={r} />
          <ByStatusTable r={r} />
          <ReconciliationChart r={r} />
        </>
      );
    }),
  );
  return <PaymentsSection title={t('reconciliation.title')} lead={t('reconciliation.lead')} current="reconciliation" body={body} />;
}
