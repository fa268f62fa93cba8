/** The card types every layer shares: no provider wire shapes, no HTTP, no database. */

/** Fenerum's payment gateways: `stripe_new` (pm_…), `quickpay` (a subscription id), legacy `stripe` (card_…). */
export type Gateway = 'stripe_new' | 'stripe' | 'quickpay';

/** The gateways this portal adds cards through. */
export type PortalGateway = Extract<Gateway, 'stripe_new' | 'quickpay'>;

/** A card Fenerum holds for an account (mapped from its wire shape in lib/fenerum/map.ts). */
export type PaymentCard = {
  uuid: string;
  accountUuid: string;
  active: boolean;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  gateway: Gateway;
  /**
   * Whether Fenerum says it charges this card; absent when it does not say. No public Fenerum
   * document shows such a field (PROVIDERS.md), so the portal claims "charged" only from this.
   */
  charged?: boolean;
};

/** What a customer sees of a card: brand, last four, expiry (0/0 when there is none, e.g. SEPA). */
export type CardSummary = { brand: string; last4: string; expMonth: number; expYear: number };

/**
 * A SEPA Direct Debit mandate (a bank account, seeds/001), not a card: its "last four" are the
 * IBAN's and it has no expiry. Known by its brand: ours is "SEPA Direct Debit" (Stripe's
 * `sepa_debit`), what Fenerum names it is unconfirmed (its emulator says "SEPA"), so any brand
 * naming SEPA counts, whatever month and year Fenerum fills in.
 */
export const isSepaMandate = (card: Pick<CardSummary, 'brand'>): boolean => /\bsepa\b/i.test(card.brand);

/**
 * A card the customer should add again: an active card on Fenerum's older `stripe` gateway (its
 * first payment asks for 3-D Secure, seeds/001). Cards whose payment was declined are offered from
 * the timeline's declined-payment entries and the failed-payments page.
 */
export function wantsNewCard(card: Pick<PaymentCard, 'gateway' | 'active'>): boolean {
  return card.gateway === 'stripe' && card.active;
}
