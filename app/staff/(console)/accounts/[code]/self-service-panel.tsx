import { getTranslations } from 'next-intl/server';
import type { AccountRecipient } from '@/lib/staff/accounts/account-recipients';
import { selfServiceAction } from '../actions';
import { ActionForm } from '../action-form';
import styles from '../staff-accounts.module.css';

/**
 * Support: Fenerum's own Self-Service link for one of the account's recipients (Self-Service
 * users are recipients), one button per recipient, shown once with a copy button.
 */
export async function SelfServicePanel({ code, recipients }: { code: string; recipients: AccountRecipient[] }) {
  const t = await getTranslations('staffAccounts');
  return (
    <section className="panel" aria-labelledby="self-service-title">
      <h2 id="self-service-title">{t('selfServiceTitle')}</h2>
      {recipients.length > 0 ? (
        <>
          <p className={styles.muted}>{t('selfServiceExplain')}</p>
          {recipients.map((r) => (
            <ActionForm
              key={r.email}
              action={selfServiceAction}
              hidden={{ accountCode: code, email: r.email }}
              submit={t('createSelfServiceFor', { email: r.email })}
              working={t('working')}
              variant="secondary"
              result={{
                label: t('selfServiceLink'),
                note: t('selfServiceCreated', { email: r.email }),
                copy: { copy: t('copy'), copied: t('copied'), failed: t('copyFailed') },
              }}
              testId="self-service"
            />
          ))}
        </>
      ) : (
        <p className={styles.muted}>{t('selfServiceNoEmail')}</p>
      )}
    </section>
  );
}
