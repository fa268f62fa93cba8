import type { useTranslations } from 'next-intl';
import { isSepaMandate, type CardSummary } from '@/lib/domain/cards';
import { formatExpiry, hasExpiry } from '@/lib/i18n/expiry';

/**
 * A translator of the whole catalogue, as `useTranslations()` in the browser and
 * `getTranslations()` on the server give it (the form hands the browser only `stripe` and `card`:
 * the namespaces these lines use).
 */
export type CardText = ReturnType<typeof useTranslations<never>>;

/** "Visa •••• 4242"; a SEPA mandate as what it is: "SEPA Direct Debit, IBAN •••• 3000". */
export function cardName(t: CardText, card: Pick<CardSummary, 'brand' | 'last4'>): string {
  return isSepaMandate(card) ? t('card.sepaLine', { last4: card.last4 }) : `${card.brand} •••• ${card.last4}`;
}

/** "Visa •••• 4242, expires 12/34"; no expiry where there is none (a mandate, a card whose provider did not say). */
export function cardLine(t: CardText, card: Pick<CardSummary, 'brand' | 'last4' | 'expMonth' | 'expYear'>): string {
  if (isSepaMandate(card) || !hasExpiry(card)) return cardName(t, card);
  return t('stripe.cardLine', { brand: card.brand, last4: card.last4, date: formatExpiry(card.expMonth, card.expYear) });
}

/** "Visa •••• 4242 (11/48)", for a card named inside a sentence or on a button; a mandate by its name alone. */
export function cardNameDated(t: CardText, card: Pick<CardSummary, 'brand' | 'last4' | 'expMonth' | 'expYear'>): string {
  if (isSepaMandate(card) || !hasExpiry(card)) return cardName(t, card);
  return `${cardName(t, card)} (${formatExpiry(card.expMonth, card.expYear)})`;
}
