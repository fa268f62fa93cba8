import { z } from 'zod';

/**
 * Fenerum's raw shapes, as its API sends them. Unknown fields are dropped; fields the app does
 * not use are left loose so a harmless change at Fenerum does not break us.
 */
export const fenerumAccountSchema = z.object({
  uuid: z.string().min(1),
  code: z.string().min(1),
  company_name: z.string().nullish(),
  // No public document has an account email (PROVIDERS.md): addresses are the recipients'. A
  // `billing_email` Fenerum might send is dropped here, so nothing can come to rely on it.
  legal_address: z.string().nullish(),
  legal_zipcode: z.string().nullish(),
  legal_city: z.string().nullish(),
  legal_country: z.string().nullish(),
  language: z.string().nullish(),
  // No public document shows an account currency (README "Fenerum: what its documents leave
  // open"): read when Fenerum sends one, SEPA is never offered without it.
  currency: z.string().nullish(),
  created_date: z.string().nullish(),
});
export type FenerumAccount = z.infer<typeof fenerumAccountSchema>;

const fenerumGatewaySchema = z.enum(['stripe_new', 'stripe', 'quickpay']);

/**
 * A payment card. brand, card_number, month and year are nullable: a SEPA mandate registered
 * through stripe_new has no card number or expiry (what Fenerum sends then is unconfirmed).
 */
export const fenerumPaymentCardSchema = z.object({
  uuid: z.string().min(1),
  active: z.boolean(),
  brand: z.string().nullish(),
  card_number: z.string().nullish(),
  month: z.number().int().nullish(),
  year: z.number().int().nullish(),
  payment_gateway: fenerumGatewaySchema,
  account: z.string().min(1),
  // Undocumented (PROVIDERS.md: which active card Fenerum charges is unconfirmed): read only when
  // present, so the portal marks a card as charged only where Fenerum says so (sandbox: cardDefaultField).
  is_default: z.boolean().nullish(),
  // No documented card carries `token` or `created_date`: they are not read, so nothing can rely on them.
});
export type FenerumPaymentCard = z.infer<typeof fenerumPaymentCardSchema>;

/**
 * A recipient of an account's notifications (fenerum.com/docs/api/recipient). `account` names
 * the account (its uuid or code: which one is unconfirmed, so both are accepted downstream);
 * the receive_* flags are read as false when absent. `email` is kept as a string here and
 * checked in the mapper, so one bad address does not fail the whole list.
 */
export const fenerumRecipientSchema = z.object({
  uuid: z.string().nullish(),
  account: z.string().min(1),
  name: z.string().nullish(),
  email: z.string().nullish(),
  receive_invoice: z.boolean().nullish(),
  receive_payment_confirmation: z.boolean().nullish(),
  receive_subscription_notifications: z.boolean().nullish(),
});
export type FenerumRecipient = z.infer<typeof fenerumRecipientSchema>;

/** A DRF page: `{count, next, previous, results}`. */
export const fenerumPageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    count: z.number().int().nonnegative(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    results: z.array(item),
  });

export const fenerumSelfServiceSchema = z.object({ url: z.url() });
