import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { roleAllows } from '@/lib/auth/staff-roles';
import { isRefused } from '@/lib/domain/outcomes';
import { cardLine, cardName } from '@/app/card-line';
import { isSepaMandate } from '@/lib/domain/cards';
import { formatExpiry, hasExpiry } from '@/lib/i18n/expiry';
import { staffPage } from '@/lib/server/staff';
import { loadCard } from '@/lib/staff/accounts/load-account';
import { MAX_REASON_LENGTH } from '@/lib/staff/accounts/disable-card';
import { wantsNewCard } from '@/lib/domain/cards';
import { sendFormHref } from '@/lib/staff/accounts/send-rules';
import { disableCardAction } from '../../../actions';
import { ActionForm } from '../../../action-form';
import { readFenerum } from '../../../fenerum-read';
import { FenerumUnavailable } from '../../../fenerum-unavailable';
import { showRefusalPanel } from '../../../refusal-panel';
import { routeParam } from '../../../route-param';
import styles from '../../../staff-accounts.module.css';
import { titled } from '@/app/page-title';

export const generateMetadata = titled('card');

type Props = { params: Promise<{ code: string; uuid: string }> };

/** One card of one account; an operator can disable it here, after a question that names the card. */
export default async function CardPage({ params }: Props) {
  const p = await params;
  const [code, uuid] = [routeParam(p.code), routeParam(p.uuid)];
  return staffPage('viewer', showRefusalPanel, async ({ user, ctx }) => {
    const read = await readFenerum(() => loadCard(ctx, code, uuid));
    if (!read.ok) return <FenerumUnavailable busySeconds={read.busySeconds} />;
    if (isRefused(read.value)) return read.value;
    const { account, card } = read.value;
    const [t, tr] = await Promise.all([getTranslations('staffAccounts'), getTranslations()]);
    // A SEPA mandate is named as one and has no expiry (issue 26).
    const name = cardName(tr, card);
    const expiry = isSepaMandate(card) ? t('noExpiry') : hasExpiry(card) ? formatExpiry(card.expMonth, card.expYear) : t('expiryUnknown');
    return (
      <>
        <section className="panel" data-testid="staff-card-detail" data-card={card.uuid}>
          <p className={styles.muted}>
            <Link href={`/staff/accounts/${encodeURIComponent(account.code)}`}>{t('backToAccount', { name: account.name })}</Link>
          </p>
          <h1>{name}</h1>
          <dl className={styles.dl}>
            <dt>{t('account')}</dt>
            <dd>
              {account.name} ({account.code})
            </dd>
            <dt>{t('cardNumber')}</dt>
            <dd>•••• {card.last4}</dd>
            <dt>{t('cardExpiry')}</dt>
            <dd>{expiry}</dd>
            <dt>{t('cardGateway')}</dt>
            <dd>{card.gateway}</dd>
            <dt>{t('cardStatus')}</dt>
            <dd>
              <span className={card.active ? styles.badgeOk : styles.badgeOff} data-testid="card-state">
                {card.active ? t('active') : t('disabled')}
              </span>
            </dd>
            <dt>{t('cardId')}</dt>
            <dd className={styles.code}>{card.uuid}</dd>
          </dl>
          {wantsNewCard(card) && (
            <div className={styles.notice} data-testid="legacy-notice">
              <p>{t('legacyNotice')}</p>
              {roleAllows(user.role, 'support') && (
                <Link className={`button ${styles.secondary}`} href={sendFormHref(account.code, 'new-card', card.uuid)}>
                  {t('sendLinkForCard')}
                </Link>
              )}
            </div>
          )}
        </section>
        <section className="panel" aria-labelledby="disable-title">
          <h2 id="disable-title">{t('disableTitle')}</h2>
          <p>{t('disableExplain')}</p>
          {!card.active && <p className={styles.muted}>{t('alreadyDisabled')}</p>}
          {card.active && !roleAllows(user.role, 'operator') && <p className={styles.muted}>{t('disableOnlyOperators')}</p>}
          {card.active && roleAllows(user.role, 'operator') && (
            <ActionForm
              action={disableCardAction}
              hidden={{ accountCode: account.code, cardUuid: card.uuid }}
              submit={t('disableConfirm', { card: name })}
              working={t('working')}
              variant="danger"
              testId="disable-card"
            >
              <p className={styles.strong}>{t('disableQuestion', { card: cardLine(tr, card) })}</p>
              <label className={styles.label}>
                {t('disableReason')}
                <textarea name="reason" maxLength={MAX_REASON_LENGTH} className={`staff-input ${styles.textarea}`} />
              </label>
            </ActionForm>
          )}
        </section>
      </>
    );
  });
}
