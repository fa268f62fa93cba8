import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { expiryStatus } from '@/lib/cards/expiry';
import { cardLine } from '../card-line';
import { chargedCard, groupSameCards } from '@/lib/cards/same-card';
import type { PaymentCard } from '@/lib/domain/cards';
import type { CardSummary } from '@/lib/domain/cards';
import { pageOf } from '@/lib/domain/paging';
import { wantsNewCard } from '@/lib/domain/cards';
import { ListPager } from '../list-pager';
import { CardFace, showsExpiry } from './card-face';

/** How many saved cards the portal shows at once (an account may have hundreds). */
const CARDS_PER_PAGE = 20;

/** Where a card's removal is confirmed (a page of its own: it works without JavaScript). */
export const removeHref = (uuid: string) => `/pay/cards/${encodeURIComponent(uuid)}/remove`;

/**
 * The account's active cards a page at a time (`?page=N`; cards still on their way to Fenerum
 * first, on the first page): brand, last four, expiry, and a warning when it runs out soon. The
 * same card held twice is listed once, with a note. "Fenerum charges this card" only where
 * Fenerum says so (PROVIDERS.md: unconfirmed); otherwise, with more than one card, the list says
 * Fenerum charges one of them. Each card can be removed while another stays active. A card on
 * Fenerum's legacy `stripe` gateway says on itself that its next payment asks for a confirmation,
 * and how to avoid it (issue 27).
 */
export async function CardList({
  cards: all,
  pending: allPending,
  now,
  page,
}: {
  cards: PaymentCard[];
  pending: Array<CardSummary & { id: string }>;
  now: Date;
  page?: string | string[];
}) {
  const t = await getTranslations();
  if (all.length === 0 && allPending.length === 0) return <p className="empty">{t('portal.noCards')}</p>;
  const groups = groupSameCards(all);
  const charged = chargedCard(groups);
  const removable = groups.length > 1;
  const { items: shown, ...at } = pageOf(groups, page, CARDS_PER_PAGE);
  const pending = at.page === 1 ? allPending : [];
  return (
    <>
      <ul className="cards" data-testid="card-list">
        {pending.map((card) => (
          <li key={card.id} className="card" data-testid="card-pending">
            <CardFace card={card} />
            <span className="badge badge-soon">{t('card.pending')}</span>
          </li>
        ))}
        {shown.map(({ card, uuids }) => {
          const status = showsExpiry(card) ? expiryStatus(card.expMonth, card.expYear, now) : 'valid';
          return (
            <li key={card.uuid} className="card" data-testid="card" data-card={card.uuid}>
              <CardFace card={card} />
              {status !== 'valid' && <span className={`badge badge-${status}`}>{t(status === 'soon' ? 'portal.expiresSoon' : 'portal.expired')}</span>}
              {wantsNewCard(card) && (
                <p className="card-legacy" data-testid="card-legacy">
                  {t('portal.legacyNotice')} <a href="#add-card">{t('portal.legacyAddAgain')}</a>
                </p>
              )}
              {(charged?.card.uuid === card.uuid || uuids.length > 1 || removable) && (
                <span className="card-more">
                  {charged?.card.uuid === card.uuid && (
                    <span className="badge badge-charged" data-testid="card-charged">
                      {t('portal.charged')}
                    </span>
                  )}
                  {uuids.length > 1 && (
                    <span className="card-note" data-testid="card-twice">
                      {t('portal.addedTwice', { count: String(uuids.length) })}
                    </span>
                  )}
                  {removable && (
                    <Link
                      className="card-remove"
                      href={removeHref(card.uuid)}
                      // A confirmation page few open: not rendered ahead for every card of every visit.
                      prefetch={false}
                      aria-label={t('portal.removeLabel', { card: cardLine(t, card) })}
                      data-testid="card-remove"
                    >
                      {t('portal.remove')}
                    </Link>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {groups.length > 1 && !charged && (
        <p className="card-charged-unknown" data-testid="charged-unknown">
          {t('portal.chargedUnknown')}
        </p>
      )}
      <ListPager at={at} what={t('portal.cards')} hrefOf={(n) => `/pay?page=${n}#cards`} />
    </>
  );
}
