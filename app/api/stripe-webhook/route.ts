import { receiveStripeEvent } from '@/lib/cards/stripe/webhook';
import { refused } from '@/lib/domain/outcomes';
import { providerCallback } from '@/lib/server/provider-callback';
import { ok } from '@/lib/server/reply';
import { verifyStripeEvent } from '@/lib/stripe/webhook-event';

/** Stripe's webhook: the signature checked on the raw body, then one small handler per event type. */
export const POST = providerCallback(
  {
    maxBytes: 512 * 1024,
    // Off (another provider is live and Stripe's keys are unset): nothing is acknowledged as stored.
    verify: (raw, headers, ctx) =>
      ctx.env.stripe.enabled ? verifyStripeEvent(ctx.stripe, raw, headers.get('stripe-signature'), ctx.env.stripe.webhookSecret) : refused('disabled'),
  },
  async ({ verified: event, ctx }) => {
    const { result, registration } = await receiveStripeEvent(ctx, event);
    if (result.startsWith('ignored:')) console.warn(`Stripe event ignored: ${result.slice('ignored: '.length)}`);
    if (registration?.status === 'queued') ctx.registrar.inBackground(registration.id);
    return ok({ received: true, result });
  },
);
