import { getTranslations } from 'next-intl/server';
import type { AccountRecipient } from '@/lib/staff/accounts/account-recipients';
import styles from '../staff-accounts.module.css';

/** The account's recipients (where Fenerum keeps the customer's addresses), and which of them get the portal's emails. */
export async function AccountRecipients({ recipients }: { recipients: AccountRecipient[] }) {
  const t = await getTranslations('staffAccounts');
  const flags = (r: AccountRecipient) => {
    const on = [
      r.receivePaymentConfirmation && t('flagPayment'),
      r.receiveInvoice && t('flagInvoice'),
      r.receiveSubscriptionNotifications && t('flagSubscription'),
    ];
    const names = on.filter((f): f is string => typeof f === 'string');
    return names.length > 0 ? names.join(', ') : t('flagNone');
  };
  return (
    <>
      <h2>{t('recipientsTitle')}</h2>
      <p className={styles.muted}>{t('recipientsExplain')}</p>
      {recipients.length === 0 && (
        <p className={styles.notice} role="status" data-testid="no-recipient">
          {t('recipientsNone')}
        </p>
      )}
      {recipients.length > 0 && !recipients.some((r) => r.getsPortalMail) && (
        <p className={styles.notice} role="status" data-testid="no-recipient">
          {t('recipientsNoneMailed')}
        </p>
      )}
      {recipients.length > 0 && (
        <ul className={styles.list} data-testid="account-recipients">
          {recipients.map((r) => (
            <li key={`${r.id ?? ''}:${r.email}`} className={styles.row}>
              <span className={styles.rowMain}>
                <span className={styles.strong}>{r.name ? t('recipientLine', { name: r.name, email: r.email }) : r.email}</span>
                <span className={styles.code}>{t('recipientFlags', { flags: flags(r) })}</span>
              </span>
              {r.getsPortalMail && <span className={styles.badgeOk}>{t('recipientGetsMail')}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
