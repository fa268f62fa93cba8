import { z } from 'zod';
import type { Recipient } from './types';
import type { Account } from '@/lib/domain/accounts';
import type { PaymentCard } from '@/lib/domain/cards';
import type { FenerumAccount, FenerumPaymentCard, FenerumRecipient } from './wire';

/** An ISO code of `length` letters, upper-cased; null for anything else (a country's name, blank). */
function isoCode(value: string | null | undefined, length: number): string | null {
  const code = value?.trim().toUpperCase() ?? '';
  return new RegExp(`^[A-Z]{${length}}$`).test(code) ? code : null;
}

/** The account as the app sees it: the company name (or its code), the language, country and currency. */
export function toAccount(a: FenerumAccount): Account {
  const name = a.company_name?.trim();
  return {
    uuid: a.uuid,
    code: a.code,
    name: name || a.code,
    language: a.language?.trim() || null,
    country: isoCode(a.legal_country, 2),
    currency: isoCode(a.currency, 3),
  };
}

const emailAddress = z.email();

/** The recipient as the app sees it; null when it has no usable email address (nothing to send to). */
export function toRecipient(r: FenerumRecipient): Recipient | null {
  const email = r.email?.trim() ?? '';
  if (!emailAddress.safeParse(email).success) return null;
  return {
    id: r.uuid?.trim() || null,
    account: r.account.trim(),
    name: r.name?.trim() || null,
    email,
    receiveInvoice: r.receive_invoice === true,
    receivePaymentConfirmation: r.receive_payment_confirmation === true,
    receiveSubscriptionNotifications: r.receive_subscription_notifications === true,
  };
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
    ...(typeof c.is_default === 'boolean' ? { charged: c.is_default } : {}),
  };
}
