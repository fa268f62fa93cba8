import { createSetupIntentFor } from '@/lib/cards/stripe/create-setup-intent';
import { refused } from '@/lib/domain/outcomes';
import { ok } from '@/lib/server/reply';
import { customerRoute } from '@/lib/server/customer-route';

/** A SetupIntent for the session's account; nothing in the request names the account. */
export const POST = customerRoute({}, async ({ session, ctx, ip }) =>
  ctx.env.stripe.enabled
    ? ok(await createSetupIntentFor({ db: ctx.db, stripe: ctx.stripe, sepaEnabled: ctx.env.stripe.sepaEnabled }, session, ip))
    : refused('disabled', 'Stripe is not offered here'),
);
