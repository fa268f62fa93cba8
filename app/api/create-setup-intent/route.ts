import { createSetupIntentFor } from '@/lib/cards/stripe/create-setup-intent';
import { ok } from '@/lib/server/reply';
import { customerRoute } from '@/lib/server/customer-route';

/** A SetupIntent for the session's account; nothing in the request names the account. */
export const POST = customerRoute({}, async ({ session, ctx, ip }) =>
  ok(await createSetupIntentFor({ db: ctx.db, stripe: ctx.stripe, sepaEnabled: ctx.env.stripe.sepaEnabled }, session, ip)),
);
