import { getTranslations } from 'next-intl/server';
import { LINK_EXPIRIES, type OpenLink } from '@/lib/staff/accounts/customer-links';
import { issueLinkAction, revokeLinkAction } from '../actions';
import { ActionForm } from '../action-form';
import styles from '../staff-accounts.module.css';

/** Support: create a customer link with a chosen lifetime (copied once), see the open ones, revoke one. */
export async function LinksPanel({ code, links }: { code: string; links: OpenLink[] }) {
  const t = await getTranslations('staffAccounts');
  const copy = { copy: t('copy'), copied: t('copied'), failed: t('copyFailed') };
  return (
    <section className="panel" id="customer-link" aria-labelledby="customer-link-title">
      <h2 id="customer-link-title">{t('linksTitle')}</h2>
      <p className={styles.muted}>{t('linksExplain')}</p>
      <ActionForm
        action={issueLinkAction}
        hidden={{ accountCode: code }}
        submit={t('createLink')}
        working={t('working')}
        result={{ label: t('linkFor'), note: t('linkCreated'), copy }}
        testId="issue-link"
      >
        <label className={styles.label}>
          {t('linkExpiry')}
          <select name="expiresIn" defaultValue="7d" className="staff-input">
            {LINK_EXPIRIES.map((e) => (
              <option key={e} value={e}>
                {t(`expiry_${e}`)}
              </option>
            ))}
          </select>
        </label>
      </ActionForm>
      <h3>{t('openLinks')}</h3>
      {links.length === 0 ? (
        <p className={styles.muted}>{t('noOpenLinks')}</p>
      ) : (
        <ul className={styles.list} data-testid="open-links">
          {links.map((link) => (
            <li key={link.id} className={styles.row} data-testid="open-link">
              <span className={styles.rowMain}>{t('openLinkLine', { issuedBy: link.issuedBy, createdAt: link.createdAt, expiresAt: link.expiresAt })}</span>
              <ActionForm
                action={revokeLinkAction}
                hidden={{ accountCode: code, linkId: link.id }}
                submit={t('revoke')}
                working={t('working')}
                variant="secondary"
                ariaLabel={t('revokeLabel', { createdAt: link.createdAt })}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
