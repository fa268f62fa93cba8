import type Stripe from 'stripe';
import { refused, type Refused } from '@/lib/domain/outcomes';

/** A Stripe webhook's event, verified on the raw body by the SDK (signature and tolerance), or a refusal. */
export function verifyStripeEvent(stripe: Stripe, raw: string, signature: string | null, secret: string): Stripe.Event | Refused {
  // No secret (Stripe off): nothing verifies, not even a body signed with an empty secret.
  if (!secret) return refused('forged', 'noWebhookSecret');
  try {
    return stripe.webhooks.constructEvent(raw, signature ?? '', secret);
  } catch {
    return refused('invalid-input', 'stripeSignature');
  }
}
