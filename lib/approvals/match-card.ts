import { brandName } from '@/lib/cards/brand';
import type { PaymentCard } from '@/lib/domain/cards';

/** What Stripe's PaymentMethod says of a card (`card.brand/last4/exp_month/exp_year`). */
export type StripeCardFacts = { brand: string; last4: string; expMonth: number; expYear: number };

const STRIPE_GATEWAYS = new Set<PaymentCard['gateway']>(['stripe_new', 'stripe']);
const plain = (brand: string) =>
  brandName(brand)
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/**
 * The Fenerum cards that could be this Stripe card, from documented fields only (PROVIDERS.md:
 * no card response carries `token`): a Stripe gateway, the same last four digits, expiry month
 * and year, and a brand that reads the same. Active or not: Fenerum may have disabled a card it
 * could not charge, and a wider match only makes an ambiguous answer more likely, never a wrong one.
 */
export function matchingCards(card: StripeCardFacts, cards: readonly PaymentCard[]): PaymentCard[] {
  return cards.filter(
    (c) =>
      STRIPE_GATEWAYS.has(c.gateway) &&
      c.last4 === card.last4 &&
      c.expMonth === card.expMonth &&
      c.expYear === card.expYear &&
      (!c.brand || !card.brand || plain(c.brand) === plain(card.brand)),
  );
}

/** The distinct accounts (uuids, lower case) holding one of these cards. */
export const accountsOf = (cards: readonly PaymentCard[]): string[] => [...new Set(cards.map((c) => c.accountUuid.toLowerCase()))];
