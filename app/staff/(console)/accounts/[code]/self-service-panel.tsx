import { getTranslations } from 'next-intl/server';
import { selfServiceAction } from '../actions';
import { ActionForm } from '../action-form';
import styles from '../staff-accounts.module.css';

/** Support: Fenerum's own Self-Service link for the account's email, shown once with a copy button. */
export async function SelfServicePanel({ code, email }: { code: string; email: string | null }) {
  const t = await getTranslations('staffAccounts');
  return (
    <section className="panel" aria-labelledby="self-service-title">
      <h2 id="self-service-title">{t('selfServiceTitle')}</h2>
      {email ? (
        <>
          <p className={styles.muted}>{t('selfServiceExplain', { email })}</p>
          <ActionForm
            action={selfServiceAction}
            hidden={{ accountCode: code }}
            submit={t('createSelfService')}
            working={t('working')}
            variant="secondary"
            result={{
              label: t('selfServiceLink'),
              note: t('selfServiceCreated', { email }),
              copy: { copy: t('copy'), copied: t('copied'), failed: t('copyFailed') },
            }}
            testId="self-service"
          />
        </>
      ) : (
        <p className={styles.muted}>{t('selfServiceNoEmail')}</p>
      )}
    </section>
  );
}
