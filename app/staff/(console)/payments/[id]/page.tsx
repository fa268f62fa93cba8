import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { roleAllows } from '@/lib/auth/staff-roles';
import { providerFailure } from '@/lib/server/errors';
import { formatDate, formatMinor } from '@/lib/staff/payments/format';
import { loadPaymentDetail } from '@/lib/staff/payments/payment-detail';
import { staffPage } from '@/lib/server/staff';
import { refusalNotice } from '@/lib/server/staff-refusal';
import { currencyOf } from '@/lib/domain/payments';
import { PaymentTable } from '../payment-table';
import { FarpayClientText } from '../client-text';
import { CheckForm } from './check-form';
import { OurRefunds } from './our-refunds';
import { RefundForm } from './refund-form';
import '../payments.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Payment · Staff console' };

/** One payment: its facts, its refunds at FarPay and here (who, what, why), and the refund dialog for operators. */
export default async function PaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const [t, locale, { id: raw }] = await Promise.all([getTranslations('farpay'), getLocale(), params]);
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
    const { payment: p, remainingMinor, refundable, open } = detail;
    const currency = currencyOf(p);
    const money = (minor: number) => formatMinor(minor, locale, currency);
    const operator = roleAllows(user.role, 'operator');
    return (
      <>
        <section className="panel" aria-labelledby="facts">
          <h2 id="facts">{t('detail.facts')}</h2>
          <dl className="pay-facts">
            <dt>{t('table.date')}</dt>
            <dd>{formatDate(p.date, p.dateOnly, locale)}</dd>
            <dt>{t('table.invoice')}</dt>
            <dd>{p.invoiceId ?? ''}</dd>
            <dt>{t('table.type')}</dt>
            <dd>{p.type}</dd>
            <dt>{t('table.status')}</dt>
            <dd>{p.status}</dd>
            <dt>{t('table.kind')}</dt>
            <dd>{p.sign === 'unknown' ? t('sign.unknown', { raw: p.signRaw }) : t(`sign.${p.sign}`)}</dd>
            <dt>{t('detail.toBePaid')}</dt>
            <dd>{money(p.toBePaidMinor)}</dd>
            <dt>{t('table.paid')}</dt>
            <dd>{money(p.paidMinor)}</dd>
            {p.currency ? (
              <>
                <dt>{t('detail.currency')}</dt>
                <dd data-testid="currency">{p.currency}</dd>
              </>
            ) : null}
            {p.sign === 'payment' && detail.refundedMinor > 0 ? (
              <>
                <dt>{t('detail.refunded')}</dt>
                <dd data-testid="refunded">{money(detail.refundedMinor)}</dd>
              </>
            ) : null}
            {p.sign === 'payment' && detail.pendingRefundMinor > 0 ? (
              <>
                <dt>{t('detail.pending')}</dt>
                <dd data-testid="pending-refunds">{money(detail.pendingRefundMinor)}</dd>
              </>
            ) : null}
            {p.sign === 'payment' ? (
              <>
                <dt>{t('detail.remaining')}</dt>
                <dd data-testid="remaining">{money(remainingMinor)}</dd>
              </>
            ) : null}
            {p.refundOf !== null ? (
              <>
                <dt>{t('detail.refundOf')}</dt>
                <dd>
                  <Link href={`/staff/payments/${p.refundOf}`}>{p.refundOf}</Link>
                </dd>
              </>
            ) : null}
            {p.info ? (
              <>
                <dt>{t('detail.info')}</dt>
                <dd>{p.info}</dd>
              </>
            ) : null}
            {p.error ? (
              <>
                <dt>{t('table.error')}</dt>
                <dd>{p.error}</dd>
              </>
            ) : null}
          </dl>
        </section>
        {open ? (
          <section className="panel" data-testid="open-refund">
            <p role="status">{t('detail.open', { amount: money(open.amountMinor) })}</p>
            {operator ? (
              <FarpayClientText>
                <CheckForm paymentId={p.id} />
              </FarpayClientText>
            ) : null}
          </section>
        ) : refundable !== 'ok' ? (
          p.sign === 'payment' ? (
            <p data-testid="no-refund">{t(`detail.notOffered.${refundable}`)}</p>
          ) : null
        ) : operator ? (
          <FarpayClientText>
            <RefundForm paymentId={p.id} remainingMinor={remainingMinor} remainingText={money(remainingMinor)} formKey={randomUUID()} currency={currency} />
          </FarpayClientText>
        ) : null}
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
