import type Stripe from 'stripe';

/**
 * A Stripe SDK error, whichever bundle's copy of the SDK threw it. Every StripeError's
 * constructor sets `type` (its class name), `raw`, `rawType` and `doc_url`; those together are
 * checked, never `instanceof` (see lib/errors/brand.ts for why).
 */
export function isStripeError(err: unknown): err is Stripe.errors.StripeError {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { type?: unknown; raw?: unknown };
  return typeof e.type === 'string' && typeof e.raw === 'object' && e.raw !== null && 'rawType' in e && 'doc_url' in e;
}

/** Stripe could not be reached or failed on its side: worth trying again later. */
export function isStripeOutage(err: Stripe.errors.StripeError): boolean {
  return err.type === 'StripeConnectionError' || err.type === 'StripeAPIError' || err.type === 'StripeRateLimitError' || (err.statusCode ?? 0) >= 500;
}
