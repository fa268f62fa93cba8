import type { useTranslations } from 'next-intl';
import { isSepaMandate, type CardSummary } from '@/lib/domain/cards';
import { formatExpiry, hasExpiry } from '@/lib/i18n/expiry';

/** The form's translator: `stripe` and `card` are the namespaces the page hands to the browser. */
export type FormText = ReturnType<typeof useTranslations<never>>;

const parts = (card: CardSummary) => ({ brand: card.brand, last4: card.last4, date: formatExpiry(card.expMonth, card.expYear) });

/** "Card saved: Visa •••• 4242, expires 12/34"; "Saved: SEPA Direct Debit, IBAN •••• 3000" (a mandate has no expiry). */
export function savedLine(t: FormText, card: CardSummary | null): string {
  if (!card) return t('stripe.savedPlain');
  if (isSepaMandate(card)) return t('card.sepaSaved', { last4: card.last4 });
  if (!hasExpiry(card)) return t('stripe.savedNoExpiry', { brand: card.brand, last4: card.last4 });
  return t('card.saved', parts(card));
}

/** "Visa •••• 4242, expires 12/34". */
export function cardLine(t: FormText, card: CardSummary): string {
  if (isSepaMandate(card)) return t('card.sepaLine', { last4: card.last4 });
  if (!hasExpiry(card)) return `${card.brand} •••• ${card.last4}`;
  return t('stripe.cardLine', parts(card));
}
