import { createTranslator, type Messages } from 'next-intl';
import da from '@/messages/da.json';
import en from '@/messages/en.json';

// Typed from the English catalogue; a unit test holds Danish to the same keys and placeholders.
const catalogues = { da: da as unknown as Messages, en: en as Messages };

/**
 * What QuickPay's window says the card is for (the subscription's `description`, which the window
 * shows the customer): in the customer's language, and no code of ours (no account code, no
 * registration id; those travel in `variables`, which the window does not show).
 */
export function windowDescription(language: 'da' | 'en'): string {
  return createTranslator({ locale: language, messages: catalogues[language], namespace: 'quickpay' })('windowDescription');
}
