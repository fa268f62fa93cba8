import type { CardSummary } from '@/lib/domain/cards';

/**
 * "03/34": a card's expiry as the card prints it, in every language. Not a locale date format
 * (Danish would write "03.34"). Month and year as Fenerum and Stripe give them.
 */
export function formatExpiry(month: number, year: number): string {
  return `${String(month).padStart(2, '0')}/${String(year % 100).padStart(2, '0')}`;
}

/** A SEPA account (or a card whose provider did not say) has no expiry. */
export const hasExpiry = (card: Pick<CardSummary, 'expMonth' | 'expYear'>) => card.expMonth > 0 && card.expYear > 0;
