import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { roleAllows } from '@/lib/auth/staff-roles';
import { listFailedPayments, type FailedShow } from '@/lib/staff/payments/failed/list';
import { staffPage } from '@/lib/server/staff';
import { refusalNotice } from '@/lib/server/staff-refusal';
import { FarpayClientText } from '../client-text';
import { Pager } from '../pager';
import { periodBody } from '../period-body';
import { PaymentsSection } from '../section';
import { FailedTable } from './failed-table';
import '../payments.css';
import { titled } from '@/app/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('failed');

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Failed and rejected FarPay payments and Fenerum's declined card payments of a period, newest first, unhandled ones unless `show=all`. */
export default async function FailedPaymentsPage({ searchParams }: { searchParams: Search }) {
  const [t, tf, params] = await Promise.all([getTranslations('farpay'), getTranslations('farpay.failed'), searchParams]);
  const pageText = typeof params.page === 'string' ? params.page : '';
  const page = /^\d{1,5}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) - 1 : 0;
  const show: FailedShow = params.show === 'all' ? 'all' : 'unhandled';
  const body = await staffPage('viewer', refusalNotice(t('forbidden')), ({ ctx, user }) =>
    periodBody({ params, action: '/staff/payments/failed', submit: t('filter.show') }, async (period, form) => {
      const listing = await listFailedPayments({ db: ctx.db, farpay: ctx.farpay, cache: ctx.attentionCache }, period, show, page, { fresh: page === 0 });
      const href = (n: number, s: FailedShow = show) =>
        `/staff/payments/failed?from=${period.from}&to=${period.to}${s === 'all' ? '&show=all' : ''}${n > 0 ? `&page=${n + 1}` : ''}`;
      return (
        <>
          {form}
          <nav aria-label={tf('showLabel')} className="pay-modes failed-show">
            {tf('showLabel')}:{' '}
            {(['unhandled', 'all'] as const).map((s) => (
              <Link key={s} href={href(0, s)} aria-current={s === show ? 'page' : undefined} data-testid={`show-${s}`}>
                {tf(s === 'all' ? 'showAll' : 'showUnhandled')}
              </Link>
            ))}
            <span data-testid="failed-count" data-total={listing.total}>
              {tf('count', { count: listing.total })}
            </span>
          </nav>
          {listing.rows.length > 0 ? (
            <FarpayClientText>
              <FailedTable rows={listing.rows} canMark={roleAllows(user.role, 'support')} />
            </FarpayClientText>
          ) : (
            <p className="empty">{tf(show === 'all' ? 'none' : 'noneUnhandled')}</p>
          )}
          {listing.truncated ? <p role="status">{tf('truncated')}</p> : null}
          <Pager page={page} hasNext={listing.hasNext} hrefOf={(n) => href(n)} />
        </>
      );
    }),
  );
  return <PaymentsSection title={tf('title')} lead={tf('lead')} current="failed" body={body} />;
}
