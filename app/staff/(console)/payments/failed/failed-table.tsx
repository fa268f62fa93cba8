import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { FailedPayment } from '@/lib/staff/payments/failed/list';
import { formatDate, formatMinor } from '@/lib/staff/payments/format';
import { paymentWords } from '../payment-words';
import { HandledForm } from './handled-form';

/** Where "send a new card" leads: the account page's send form (it reads `send=new-card`). */
const sendNewCardHref = (code: string) => `/staff/accounts/${encodeURIComponent(code)}?send=new-card#send`;

/** Failed payments with their account, the one action, and who handled each (or the form to say so). */
export async function FailedTable({ rows, canMark }: { rows: FailedPayment[]; canMark: boolean }) {
  const [t, farpay, locale] = await Promise.all([getTranslations('farpay.failed'), getTranslations('farpay'), getLocale()]);
  const words = paymentWords(farpay);
  const when = (iso: string) => formatDate(iso, false, locale);
  return (
    <div className="pay-table-wrap" tabIndex={0} role="region" aria-label={t('caption')}>
      <table className="staff-table pay-table failed-table" data-testid="failed-table">
        <caption className="visually-hidden">{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('when')}</th>
            <th scope="col">{t('payment')}</th>
            <th scope="col" className="num">
              {t('amount')}
            </th>
            <th scope="col">{t('account')}</th>
            <th scope="col">{t('reason')}</th>
            <th scope="col">{t('followUp')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-payment-key={r.key}>
              <td data-label={t('when')}>{when(r.at)}</td>
              <td data-label={t('payment')}>
                {r.farpayId !== null ? <Link href={`/staff/payments/${r.farpayId}`}>{r.farpayId}</Link> : <code>{r.paymentIntentId}</code>}
                <br />
                <small>
                  {r.source === 'farpay' ? t('fromFarpay', { type: words.type(r.type ?? ''), status: words.status(r.status ?? '') }) : t('fromFenerum')}
                </small>
              </td>
              <td className="num" data-label={t('amount')}>
                {r.amountMinor === null ? '' : formatMinor(r.amountMinor, locale, r.currency)}
              </td>
              <td data-label={t('account')}>
                {r.accountCode ? (
                  <Link href={`/staff/accounts/${encodeURIComponent(r.accountCode)}`}>{r.accountCode}</Link>
                ) : (
                  <span title={t('unknownAccountHint')}>{t('unknownAccount')}</span>
                )}
              </td>
              <td data-label={t('reason')} translate="no">
                {r.reason ?? ''}
              </td>
              <td data-label={t('followUp')}>
                {r.accountCode ? (
                  <p>
                    <Link href={sendNewCardHref(r.accountCode)} data-testid="send-new-card">
                      {t('sendNewCard')}
                    </Link>
                  </p>
                ) : null}
                {r.handled ? (
                  <p data-testid="handled">
                    {t('handledBy', { who: r.handled.by, when: when(r.handled.at.toISOString()) })}
                    <br />
                    <q>{r.handled.note}</q>
                  </p>
                ) : canMark ? (
                  <HandledForm paymentKey={r.key} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
