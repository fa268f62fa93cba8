import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cardName } from '@/app/card-line';
import { ListPager } from '@/app/list-pager';
import { isSepaMandate, type PaymentCard } from '@/lib/domain/cards';
import { pageOf } from '@/lib/domain/paging';
import { formatExpiry, hasExpiry } from '@/lib/i18n/expiry';
import { wantsNewCard } from '@/lib/domain/cards';
import { sendFormHref } from '@/lib/staff/accounts/send-rules';
import styles from '../staff-accounts.module.css';

/** How many cards the account page shows at once (an account may have hundreds). */
const CARDS_PER_PAGE = 50;

/**
 * The account's cards as Fenerum holds them, a page at a time (`?cards=N`); a legacy `stripe` card
 * is flagged (seeds/001) with the send form preselected to ask for it again.
 */
export async function AccountCards({
  code,
  cards,
  canSendLinks,
  cardsPage,
}: {
  code: string;
  cards: PaymentCard[];
  canSendLinks: boolean;
  cardsPage?: string | string[];
}) {
  const [t, tr] = await Promise.all([getTranslations('staffAccounts'), getTranslations()]);
  if (cards.length === 0) return <p className={styles.muted}>{t('noCards')}</p>;
  const { items, ...at } = pageOf(cards, cardsPage, CARDS_PER_PAGE);
  const pager = <ListPager at={at} what={t('cardsTitle')} hrefOf={(n) => `/staff/accounts/${encodeURIComponent(code)}?cards=${n}#staff-cards`} />;
  return (
    <div id="staff-cards">
      <ul className={styles.list} data-testid="staff-cards">
        {items.map((card) => (
          <li key={card.uuid} className={styles.row} data-testid="staff-card" data-card={card.uuid}>
            <span className={styles.rowMain}>
              <Link href={`/staff/accounts/${encodeURIComponent(code)}/cards/${card.uuid}`} className={styles.strong}>
                {cardName(tr, card)}
              </Link>
              <span className={styles.code}>
                {/* A SEPA mandate has no expiry, whatever month and year Fenerum fills in. */}
                {isSepaMandate(card)
                  ? t('noExpiry')
                  : hasExpiry(card)
                    ? t('expires', { date: formatExpiry(card.expMonth, card.expYear) })
                    : t('expiryUnknown')}{' '}
                · {t('gateway', { gateway: card.gateway })}
              </span>
            </span>
            <span className={card.active ? styles.badgeOk : styles.badgeOff} data-testid="card-state">
              {card.active ? t('active') : t('disabled')}
            </span>
            {wantsNewCard(card) && (
              <div className={styles.notice} data-testid="legacy-notice">
                <p>
                  <strong>{t('legacyTitle')}:</strong> {t('legacyNotice')}
                </p>
                {canSendLinks && (
                  <a className={`button ${styles.secondary}`} href={sendFormHref(code, 'new-card', card.uuid)}>
                    {t('sendLinkForCard')}
                  </a>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {pager}
    </div>
  );
}
