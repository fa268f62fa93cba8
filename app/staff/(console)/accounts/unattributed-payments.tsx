import { getLocale, getTranslations } from 'next-intl/server';
import { brandName } from '@/lib/cards/brand';
import type { UnattributedPayment } from '@/lib/fenerum-webhooks/unattributed';
import { formatMoney } from '@/lib/i18n/money';
import { formatWhen } from '@/lib/i18n/when';
import { isAuditAction } from '@/lib/staff/audit/actions';
import styles from './staff-accounts.module.css';

/**
 * Payments Fenerum told us about that no account could be found for (its card matched none, or
 * several): staff see them here rather than nobody. Shown only when there are any.
 */
export async function UnattributedPayments({ payments }: { payments: UnattributedPayment[] }) {
  if (payments.length === 0) return null;
  const [t, actions, locale] = await Promise.all([getTranslations('staffAccounts'), getTranslations('auditLog.actions'), getLocale()]);
  // Fenerum's event in words (the audit log's sentence for it); one this version does not know, as sent.
  const event = (name: string) => (isAuditAction(name) ? actions(name) : <span translate="no">{name}</span>);
  return (
    <section className="panel" aria-labelledby="unattributed-title" data-testid="unattributed-payments">
      <h2 id="unattributed-title">{t('unattributedTitle', { count: payments.length })}</h2>
      <p className={styles.muted}>{t('unattributedLead')}</p>
      <ul className={styles.list}>
        {payments.map((p, i) => (
          <li key={`${p.paymentIntentId ?? 'none'}-${i}`} className={styles.row} data-testid="unattributed-payment">
            <span className={styles.rowMain}>
              <span className={styles.strong}>
                {p.amount !== null && p.currency ? formatMoney({ minor: p.amount, currency: p.currency }, locale) : t('unattributedNoAmount')}
                {p.card && ` · ${brandName(p.card.brand)} •••• ${p.card.last4} (${String(p.card.expMonth).padStart(2, '0')}/${p.card.expYear})`}
              </span>
              <span className={styles.code}>
                {formatWhen(p.at, locale)} · {event(p.event)} · <span translate="no">{p.paymentIntentId ?? '–'}</span>
                {p.stripeCustomer && ` · ${p.stripeCustomer}`}
              </span>
            </span>
            <span className={styles.muted}>{t(`unattributedReason.${p.reason}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
