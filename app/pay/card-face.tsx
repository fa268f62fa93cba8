import { getTranslations } from 'next-intl/server';
import { isSepaMandate, type CardSummary } from '@/lib/domain/cards';
import { formatExpiry, hasExpiry } from '@/lib/i18n/expiry';

/**
 * A saved way to pay as the customer's list shows it: a card's brand, last four and expiry; a
 * SEPA mandate as what it is ("SEPA Direct Debit", "IBAN •••• 3000"), with no expiry.
 */
export async function CardFace({ card }: { card: CardSummary }) {
  const t = await getTranslations();
  if (isSepaMandate(card)) {
    return (
      <>
        <span className="card-brand">{t('card.sepaName')}</span>
        <span className="card-number" aria-label={t('card.ibanNumber', { last4: card.last4 })}>
          {t('card.iban', { last4: card.last4 })}
        </span>
      </>
    );
  }
  return (
    <>
      <span className="card-brand">{card.brand}</span>
      <span className="card-number" aria-label={t('card.number', { last4: card.last4 })}>
        •••• {card.last4}
      </span>
      {hasExpiry(card) && <span className="card-expiry">{t('portal.expires', { date: formatExpiry(card.expMonth, card.expYear) })}</span>}
    </>
  );
}

/** Whether the list warns about the expiry: only a card that has one. */
export const showsExpiry = (card: CardSummary): boolean => !isSepaMandate(card) && hasExpiry(card);
