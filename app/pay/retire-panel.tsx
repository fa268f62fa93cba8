import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { RetireOffer } from '@/lib/cards/retire-offer';
import { cardName, cardNameDated } from '../card-line';
import { removeHref } from './card-list';

/**
 * After a card was added: the card just added, and an offer to retire the card it replaces (each
 * older card, through its confirmation page); after "pay with another card", the card the bank
 * refused. Which card Fenerum charges is said by the card list, only where Fenerum says it.
 */
export async function RetirePanel({ offer }: { offer: RetireOffer }) {
  const t = await getTranslations();
  const line = (c: { brand: string; last4: string }) => cardName(t, c);
  const retire = offer.refused ? [offer.refused] : offer.older;
  if (retire.length === 0) return null;
  return (
    <section className="retire" id="retire" aria-labelledby="retire-title" data-testid="retire">
      <h2 id="retire-title">{t('manage.retireTitle')}</h2>
      {offer.added && <p data-testid="retire-added">{t('manage.justAdded', { card: cardNameDated(t, offer.added) })}</p>}
      {offer.refused ? (
        <p>{t('manage.retireRefused', { card: line(offer.refused.card) })}</p>
      ) : (
        offer.older.length === 1 && offer.older[0] && <p>{t('manage.retireLead', { card: line(offer.older[0].card) })}</p>
      )}
      <div className="actions">
        {retire.map(({ card }) => (
          <Link key={card.uuid} className="button button-secondary" href={removeHref(card.uuid)} prefetch={false} data-testid="retire-card">
            {t('manage.retireButton', { card: cardNameDated(t, card) })}
          </Link>
        ))}
      </div>
    </section>
  );
}
