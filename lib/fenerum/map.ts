import type { Account, PaymentCard } from './types';
import type { FenerumAccount, FenerumPaymentCard } from './wire';

/** The account as the app sees it: the company name (or its code), the billing email or null, the language. */
export function toAccount(a: FenerumAccount): Account {
  const name = a.company_name?.trim();
  const email = a.billing_email?.trim();
  return { uuid: a.uuid, code: a.code, name: name || a.code, email: email || null, language: a.language?.trim() || null };
}

/** The last four digits of a masked number ("XXXXXXXXXXXX4242" → "4242"); "" when there are none. */
export function last4Of(cardNumber: string | null | undefined): string {
  return (cardNumber ?? '').replace(/\D/g, '').slice(-4);
}

/**
 * The card as the app sees it. A card without an expiry (unconfirmed, e.g. SEPA) gets 0/0, and
 * one without a brand "Unknown", rather than failing the whole list.
 */
export function toPaymentCard(c: FenerumPaymentCard): PaymentCard {
  return {
    uuid: c.uuid,
    accountUuid: c.account,
    active: c.active,
    brand: c.brand?.trim() || 'Unknown',
    last4: last4Of(c.card_number),
    expMonth: c.month ?? 0,
    expYear: c.year ?? 0,
    gateway: c.payment_gateway,
  };
}
