import { getTranslations } from 'next-intl/server';
import { listFailedPayments } from '@/lib/staff/payments/pages';
import { staffPage } from '@/lib/server/staff';
import { refusalNotice } from '@/lib/server/staff-refusal';
import { Pager } from '../pager';
import { PaymentTable } from '../payment-table';
import { periodBody } from '../period-body';
import { PaymentsSection } from '../section';
import '../payments.css';
import { titled } from '@/app/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('failed');

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Failed and rejected payments of a period with FarPay's error description, newest first. */
export default async function FailedPaymentsPage({ searchParams }: { searchParams: Search }) {
  const [t, params] = await Promise.all([getTranslations('farpay'), searchParams]);
  const pageText = typeof params.page === 'string' ? params.page : '';
  const page = /^\d{1,5}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) - 1 : 0;
  const body = await staffPage('viewer', refusalNotice(t('forbidden')), ({ ctx }) =>
    periodBody({ params, action: '/staff/payments/failed', submit: t('filter.show') }, async (period, form) => {
      const { rows, hasNext, truncated } = await listFailedPayments(ctx.farpay, period, page);
      const href = (n: number) => `/staff/payments/failed?from=${period.from}&to=${period.to}${n > 0 ? `&page=${n + 1}` : ''}`;
      return (
        <>
          {form}
          {rows.length > 0 ? <PaymentTable rows={rows} showError /> : <p className="empty">{t('failed.none')}</p>}
          {truncated ? <p role="status">{t('failed.truncated')}</p> : null}
          <Pager page={page} hasNext={hasNext} hrefOf={href} />
        </>
      );
    }),
  );
  return <PaymentsSection title={t('failed.title')} lead={t('failed.lead')} current="failed" body={body} />;
}
