import { isSepaMandate, type CardSummary } from '@/lib/domain/cards';
import { formatExpiry, hasExpiry } from '@/lib/i18n/expiry';
import type { CardText } from '@/app/card-line';

export { cardLine } from '@/app/card-line';
/** The form's translator: `stripe` and `card` are the namespaces the page hands to the browser. */
export type FormText = CardText;

/** "Card saved: Visa •••• 4242, expires 12/34"; "Saved: SEPA Direct Debit, IBAN •••• 3000" (a mandate has no expiry). */
export function savedLine(t: FormText, card: CardSummary | null): string {
  if (!card) return t('stripe.savedPlain');
  if (isSepaMandate(card)) return t('card.sepaSaved', { last4: card.last4 });
  if (!hasExpiry(card)) return t('stripe.savedNoExpiry', { brand: card.brand, last4: card.last4 });
  return t('card.saved', { brand: card.brand, last4: card.last4, date: formatExpiry(card.expMonth, card.expYear) });
}
