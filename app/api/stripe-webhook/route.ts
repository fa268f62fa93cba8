import { receiveStripeEvent } from '@/lib/cards/stripe/webhook';
import { providerCallback } from '@/lib/server/provider-callback';
import { ok } from '@/lib/server/reply';
import { verifyStripeEvent } from '@/lib/stripe/webhook-event';

/** Stripe's webhook: the signature checked on the raw body, then one small handler per event type. */
export const POST = providerCallback(
  {
    maxBytes: 512 * 1024,
    verify: (raw, headers, ctx) => verifyStripeEvent(ctx.stripe, raw, headers.get('stripe-signature'), ctx.env.stripe.webhookSecret),
  },
  async ({ verified: event, ctx }) => {
    const { result, registration } = await receiveStripeEvent(ctx, event);
    if (registration?.status === 'queued') ctx.registrar.inBackground(registration.id);
    return ok({ received: true, result });
  },
);
