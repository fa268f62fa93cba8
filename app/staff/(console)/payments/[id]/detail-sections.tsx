import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { currencyOf } from '@/lib/domain/payments';
import { formatDate, formatMinor } from '@/lib/staff/payments/format';
import type { PaymentDetail } from '@/lib/staff/payments/payment-detail';
import { FarpayClientText } from '../client-text';
import { paymentWords } from '../payment-words';
import { CheckForm } from './check-form';
import { RefundForm } from './refund-form';

async function words(detail: PaymentDetail) {
  const [t, locale] = await Promise.all([getTranslations('farpay'), getLocale()]);
  const currency = currencyOf(detail.payment);
  return { t, locale, currency, money: (minor: number) => formatMinor(minor, locale, currency) };
}

/** The payment's facts as FarPay gave them, with what is refunded, pending, and left to refund where a refund is possible (a paid card payment with something left). */
export async function PaymentFacts({ detail }: { detail: PaymentDetail }) {
  const { t, locale, money } = await words(detail);
  const { payment: p, remainingMinor } = detail;
  const farpay = paymentWords(t);
  return (
    <section className="panel" aria-labelledby="facts">
      <h2 id="facts">{t('detail.facts')}</h2>
      <dl className="pay-facts">
        <dt>{t('table.date')}</dt>
        <dd>{formatDate(p.date, p.dateOnly, locale)}</dd>
        <dt>{t('table.invoice')}</dt>
        <dd>{p.invoiceId ?? ''}</dd>
        <dt>{t('table.type')}</dt>
        <dd>{farpay.typeAbout(p.type)}</dd>
        <dt>{t('table.status')}</dt>
        <dd>{farpay.status(p.status)}</dd>
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
        {detail.refundable === 'ok' ? (
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
            <dd translate="no">{p.info}</dd>
          </>
        ) : null}
        {p.error ? (
          <>
            <dt>{t('table.error')}</dt>
            <dd translate="no">{p.error}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** What may be done about refunds: an open one to check with FarPay, the refund form, or why none is offered (operators act; others read). */
export async function RefundActions({ detail, operator }: { detail: PaymentDetail; operator: boolean }) {
  const { t, currency, money } = await words(detail);
  const { payment: p, remainingMinor, refundable, open } = detail;
  return (
    <>
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
    </>
  );
}
