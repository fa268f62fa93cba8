import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { roleAllows } from '@/lib/auth/staff-roles';
import { providerFailure } from '@/lib/server/errors';
import { loadPaymentDetail } from '@/lib/staff/payments/payment-detail';
import { staffPage } from '@/lib/server/staff';
import { refusalNotice } from '@/lib/server/staff-refusal';
import { currencyOf } from '@/lib/domain/payments';
import { PaymentTable } from '../payment-table';
import { OurRefunds } from './our-refunds';
import { PaymentFacts, RefundActions } from './detail-sections';
import '../payments.css';
import { titled } from '@/app/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('payment');

/** One payment: its facts, its refunds at FarPay and here (who, what, why), and the refund dialog for operators. */
export default async function PaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const [t, { id: raw }] = await Promise.all([getTranslations('farpay'), params]);
  const id = /^\d{1,10}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
  const page = await staffPage('viewer', refusalNotice(t('forbidden')), async ({ ctx, user }) => {
    if (id === null || id === 0) return <p role="alert">{t('detail.notFound', { id: raw.slice(0, 20) })}</p>;
    let detail;
    try {
      detail = await loadPaymentDetail({ db: ctx.db, farpay: ctx.farpay }, id);
    } catch (err) {
      if (providerFailure(err)?.provider !== 'farpay') throw err;
      return (
        <p role="alert" className="staff-error">
          {t('unavailable')}
        </p>
      );
    }
    if (!detail) return <p role="alert">{t('detail.notFound', { id: String(id) })}</p>;
    const { payment: p } = detail;
    const currency = currencyOf(p);
    const operator = roleAllows(user.role, 'operator');
    return (
      <>
        <PaymentFacts detail={detail} />
        <RefundActions detail={detail} operator={operator} />
        {p.sign === 'payment' ? (
          <section aria-labelledby="farpay-refunds">
            <h2 id="farpay-refunds">{t('detail.refunds')}</h2>
            {detail.farpayRefunds.length > 0 ? <PaymentTable rows={detail.farpayRefunds} /> : <p className="empty">{t('detail.noRefunds')}</p>}
          </section>
        ) : null}
        {p.sign === 'payment' ? <OurRefunds rows={detail.ourRefunds} currency={currency} farpayRefunds={detail.farpayRefunds} /> : null}
      </>
    );
  });
  return (
    <section>
      <p>
        <Link href="/staff/payments">{t('detail.back')}</Link>
      </p>
      <h1>{t('detail.title', { id: raw.slice(0, 20) })}</h1>
      {page}
    </section>
  );
}
