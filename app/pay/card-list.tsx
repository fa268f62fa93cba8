import { getTranslations } from 'next-intl/server';
import { expiryStatus } from '@/lib/cards/expiry';
import type { PaymentCard } from '@/lib/domain/cards';
import type { CardSummary } from '@/lib/domain/cards';
import { pageOf } from '@/lib/domain/paging';
import { ListPager } from '../list-pager';
import { CardFace, showsExpiry } from './card-face';

/** How many saved cards the portal shows at once (an account may have hundreds). */
const CARDS_PER_PAGE = 20;

/**
 * The account's active cards a page at a time (`?page=N`; cards still on their way to Fenerum
 * first, on the first page): brand, last four, expiry, and a warning when it runs out soon.
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
  const { items: cards, ...at } = pageOf(all, page, CARDS_PER_PAGE);
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
        {cards.map((card) => {
          const status = showsExpiry(card) ? expiryStatus(card.expMonth, card.expYear, now) : 'valid';
          return (
            <li key={card.uuid} className="card" data-testid="card">
              <CardFace card={card} />
              {status !== 'valid' && <span className={`badge badge-${status}`}>{t(status === 'soon' ? 'portal.expiresSoon' : 'portal.expired')}</span>}
            </li>
          );
        })}
      </ul>
      <ListPager at={at} what={t('portal.cards')} hrefOf={(n) => `/pay?page=${n}#cards`} />
    </>
  );
}
