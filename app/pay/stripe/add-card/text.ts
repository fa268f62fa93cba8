import type { CardSummary } from '@/lib/domain/cards';
import type { MessageKey } from '@/lib/i18n/messages';

/**
 * The strings the Stripe form shows. The portal looks them up on the server with `t()` and
 * hands them over as the `text` prop, so no message catalogue ships to the browser.
 */
export const STRIPE_TEXT_KEYS = [
  'stripe.add',
  'stripe.title',
  'stripe.titleSepa',
  'stripe.lead',
  'stripe.loading',
  'stripe.save',
  'stripe.saveSepa',
  'stripe.saving',
  'stripe.cancel',
  'stripe.loadFailed',
  'stripe.network',
  'stripe.unavailable',
  'stripe.sessionEnded',
  'stripe.authFailed',
  'stripe.savedPlain',
  'stripe.savedNoExpiry',
  'stripe.finishingSlow',
  'stripe.cardLine',
  'card.saved',
  'card.finishing',
  'card.finishingLead',
  'card.failed',
  'card.failedLead',
  'card.declined',
  'portal.tryAgain',
] as const satisfies readonly MessageKey[];

export type StripeTextKey = (typeof STRIPE_TEXT_KEYS)[number];
export type StripeText = Record<string, string>;

/** A string from the `text` prop, `{name}` placeholders filled in. */
export function say(text: StripeText, key: StripeTextKey, vars?: Record<string, string>): string {
  const template = text[key] ?? key;
  return vars ? template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole) : template;
}


const hasExpiry = (card: CardSummary) => card.expMonth > 0 && card.expYear > 0;
const expiry = (card: CardSummary) => `${String(card.expMonth).padStart(2, '0')}/${String(card.expYear % 100).padStart(2, '0')}`;

/** "Card saved: Visa •••• 4242, expires 12/34" (a SEPA account has no expiry). */
export function savedLine(text: StripeText, card: CardSummary | null): string {
  if (!card) return say(text, 'stripe.savedPlain');
  if (!hasExpiry(card)) return say(text, 'stripe.savedNoExpiry', { brand: card.brand, last4: card.last4 });
  return say(text, 'card.saved', { brand: card.brand, last4: card.last4, date: expiry(card) });
}

/** "Visa •••• 4242, expires 12/34". */
export function cardLine(text: StripeText, card: CardSummary): string {
  if (!hasExpiry(card)) return `${card.brand} •••• ${card.last4}`;
  return say(text, 'stripe.cardLine', { brand: card.brand, last4: card.last4, date: expiry(card) });
}
