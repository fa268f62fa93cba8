import type Stripe from 'stripe';
import type { Params } from './params';

/** Parsers for the nested hashes several objects share (addresses, billing details). */
const ADDRESS_KEYS = ['city', 'country', 'line1', 'line2', 'postal_code', 'state'] as const;

const emptyAddress = (): Stripe.Address => ({ city: null, country: null, line1: null, line2: null, postal_code: null, state: null });

export function parseAddress(p: Params | undefined, base: Stripe.Address = emptyAddress()): Stripe.Address {
  if (!p) return base;
  p.allowOnly(ADDRESS_KEYS);
  const out = { ...base };
  for (const k of ADDRESS_KEYS) {
    const v = p.nullableString(k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export type BillingDetails = Stripe.PaymentMethod.BillingDetails;

export const emptyBillingDetails = (): BillingDetails => ({ address: emptyAddress(), email: null, name: null, phone: null, tax_id: null });

export function parseBillingDetails(p: Params | undefined, base: BillingDetails = emptyBillingDetails()): BillingDetails {
  if (!p) return base;
  p.allowOnly(['address', 'email', 'name', 'phone', 'tax_id']);
  return {
    address: parseAddress(p.object('address'), base.address ?? emptyAddress()),
    email: p.nullableString('email') ?? (p.has('email') ? null : base.email),
    name: p.nullableString('name') ?? (p.has('name') ? null : base.name),
    phone: p.nullableString('phone') ?? (p.has('phone') ? null : base.phone),
    tax_id: p.nullableString('tax_id') ?? (p.has('tax_id') ? null : base.tax_id),
  };
}

export function parseShipping(p: Params | undefined): { address: Stripe.Address; name: string; phone: string | null } | null {
  if (!p) return null;
  p.allowOnly(['address', 'name', 'phone', 'carrier', 'tracking_number']);
  return { address: parseAddress(p.object('address')), name: p.requiredString('name'), phone: p.nullableString('phone') ?? null };
}
