import { providerCallback } from '@/lib/server/provider-callback';

/**
 * Stripe's webhook: the signature checked on the raw body, then one small handler per event type
 * (lib/cards/stripe/webhook.ts, bound in lib/server/context.ts); a card it queued is tried after the answer.
 */
export const POST = providerCallback('stripe', { maxBytes: 512 * 1024 });
