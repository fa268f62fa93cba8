import { getLocale, getTranslations } from 'next-intl/server';
import { formatMoney } from '@/lib/i18n/money';
import type { ApprovalNotice, ExpiringNotice } from '@/lib/cards/portal-view';

/**
 * Above the cards: "A payment of 499.00 DKK needs your approval" for each payment waiting for
 * this account (linking to its approval page), and a card Fenerum said expires this month. The
 * page reads both in its one query (lib/cards/portal-view.ts).
 */
export async function PaymentNotices({ approvals, expiring }: { approvals: ApprovalNotice[]; expiring: ExpiringNotice[] }) {
  if (approvals.length === 0 && expiring.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations('approval'), getLocale()]);
  return (
    <div className="payment-notices">
      {approvals.map((a) => (
        <div key={a.paymentIntentId} className="notice notice-action" data-testid="approval-banner">
          <p>
            <strong>{t('banner', { amount: formatMoney({ minor: a.amount, currency: a.currency }, locale) })}</strong>
          </p>
          <a className="button" href={`/pay/approve/${encodeURIComponent(a.paymentIntentId)}`}>
            {t('bannerLink')}
          </a>
        </div>
      ))}
      {expiring.map((e) => (
        <div key={e.cardUuid} className="notice notice-warn" data-testid="expiring-banner">
          <p>{e.brand && e.last4 ? t('expiring', { card: t('card', { brand: e.brand, last4: e.last4 }) }) : t('expiringPlain')}</p>
        </div>
      ))}
    </div>
  );
}
