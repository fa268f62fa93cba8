/**
 * The element iframes' words in each locale Stripe.js is given (`Stripe(key, {locale})` or
 * `stripe.elements({locale})`; `auto` follows the browser). Only English and Danish here; any
 * other locale falls back to English, as Stripe does for one it lacks.
 */
export type Locale = 'en' | 'da';

export type Labels = {
  cardNumber: string;
  cardNumberPlaceholder: string;
  expiry: string;
  expiryPlaceholder: string;
  securityCode: string;
  cvcPlaceholder: string;
  country: string;
  postalCode: string;
  postalPlaceholder: string;
  /** The Card Element's own accessible names (it has placeholders, not labels). */
  cardNumberAria: string;
  expiryAria: string;
  cvcAria: string;
  cardTab: string;
  sepaTab: string;
  fullName: string;
  fullNamePlaceholder: string;
  email: string;
  iban: string;
};

const LABELS: Record<Locale, Labels> = {
  en: {
    cardNumber: 'Card number',
    cardNumberPlaceholder: '1234 1234 1234 1234',
    expiry: 'Expiration date',
    expiryPlaceholder: 'MM / YY',
    securityCode: 'Security code',
    cvcPlaceholder: 'CVC',
    country: 'Country',
    postalCode: 'ZIP code',
    postalPlaceholder: 'ZIP',
    cardNumberAria: 'Credit or debit card number',
    expiryAria: 'Credit or debit card expiration date',
    cvcAria: 'Credit or debit card CVC/CVV',
    cardTab: 'Card',
    sepaTab: 'SEPA Direct Debit',
    fullName: 'Full name',
    fullNamePlaceholder: 'First and last name',
    email: 'Email',
    iban: 'IBAN',
  },
  da: {
    cardNumber: 'Kortnummer',
    cardNumberPlaceholder: '1234 1234 1234 1234',
    expiry: 'Udløbsdato',
    expiryPlaceholder: 'MM / ÅÅ',
    securityCode: 'Kontrolcifre',
    cvcPlaceholder: 'CVC',
    country: 'Land',
    postalCode: 'Postnummer',
    postalPlaceholder: 'Postnr.',
    cardNumberAria: 'Kredit- eller betalingskortnummer',
    expiryAria: 'Kortets udløbsdato',
    cvcAria: 'Kortets kontrolcifre (CVC)',
    cardTab: 'Kort',
    sepaTab: 'SEPA Direct Debit',
    fullName: 'Fulde navn',
    fullNamePlaceholder: 'Fornavn og efternavn',
    email: 'E-mail',
    iban: 'IBAN',
  },
};

/** `da`, `da-DK`, `auto` with a Danish browser → `da`; anything else → `en`. */
export function resolveLocale(requested: unknown, browserLanguage: string): Locale {
  const tag = typeof requested === 'string' && requested !== '' && requested !== 'auto' ? requested : browserLanguage;
  return tag.toLowerCase().split('-')[0] === 'da' ? 'da' : 'en';
}

export const labelsFor = (locale: Locale): Labels => LABELS[locale];
