import { createHash, randomBytes } from 'node:crypto';

/** Stripe-looking identifiers: base62, with the object's prefix. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
  return out;
}

/** `seti_1Pgag7B7WZ01zgkWSgwGdb8Z`-style ids (most objects). */
export const newId = (prefix: string): string => `${prefix}_1${randomToken(23)}`;

/** Customers have short ids: `cus_QXg1o8vcGmoR32`. */
export const newCustomerId = (): string => `cus_${randomToken(14)}`;

export const newRequestId = (): string => `req_${randomToken(14)}`;

export const newClientSecret = (id: string): string => `${id}_secret_${randomToken(25)}`;

/** Unix seconds, as Stripe's `created` fields. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Stable per card number / IBAN, as Stripe's `fingerprint` (same card → same fingerprint). */
export function fingerprintOf(value: string): string {
  const digest = createHash('sha256').update(`sandbox-fingerprint:${value}`).digest();
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[(digest[i] ?? 0) % ALPHABET.length];
  return out;
}

/** An upper-case hex invoice prefix like `7FE1103A`. */
export const newInvoicePrefix = (): string => randomBytes(4).toString('hex').toUpperCase();
