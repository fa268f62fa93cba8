import { receiveStripeEvent } from '@/lib/cards/stripe/webhook';
import { refused } from '@/lib/domain/outcomes';
import { providerCallback } from '@/lib/server/provider-callback';
import { ok } from '@/lib/server/reply';

/** Stripe's webhook: the signature checked on the raw body, then one small handler per event type. */
export const POST = providerCallback(
  {
    maxBytes: 512 * 1024,
    verify: (raw, headers, ctx) => {
      try {
        return ctx.stripe.webhooks.constructEvent(raw, headers.get('stripe-signature') ?? '', ctx.env.stripe.webhookSecret);
      } catch {
        return refused('invalid-input', 'Invalid Stripe-Signature');
      }
    },
  },
  async ({ verified: event, ctx }) => {
    const { result, registration } = await receiveStripeEvent(ctx, event);
    if (registration?.status === 'queued') ctx.registrar.inBackground(registration.id);
    return ok({ received: true, result });
  },
);
