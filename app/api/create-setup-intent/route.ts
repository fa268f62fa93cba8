import { createSetupIntentFor } from '@/lib/cards/stripe/create-setup-intent';
import { isRefused, refused } from '@/lib/domain/outcomes';
import { ok } from '@/lib/server/reply';
import { customerRoute } from '@/lib/server/customer-route';

/** A SetupIntent for the session's account (its open one again, if any); nothing in the request names the account. */
export const POST = customerRoute({}, async ({ session, ctx, ip }) => {
  if (!ctx.env.stripe.enabled) return refused('disabled', 'stripeOff');
  const deps = { db: ctx.db, stripe: ctx.stripe, sepaEnabled: ctx.env.stripe.sepaEnabled, setupsPerHour: ctx.env.cardSetupsPerHour };
  const started = await createSetupIntentFor(deps, session, ip);
  return isRefused(started) ? started : ok(started);
});
