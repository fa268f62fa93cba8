import { z } from 'zod';
import { verifySetupIntent } from '@/lib/cards/stripe/verify-setup-intent';
import { isRefused, refused } from '@/lib/domain/outcomes';
import { registrationReply } from '@/lib/server/registration-reply';
import { customerRoute } from '@/lib/server/customer-route';

const body = z.object({
  setupIntentId: z.string({ error: 'setupIntentId is required' }).regex(/^seti_[A-Za-z0-9]{1,255}$/, 'setupIntentId must be a SetupIntent id (seti_…)'),
});

/** After confirmSetup: the server checks the SetupIntent with Stripe, then tries Fenerum while the customer waits (4 s at most). */
export const POST = customerRoute({ body }, async ({ session, body, ctx }) => {
  if (!ctx.env.stripe.enabled) return refused('disabled', 'stripeOff');
  const verified = await verifySetupIntent(ctx, body.setupIntentId, session.accountCode);
  if (isRefused(verified)) return verified;
  return registrationReply(await ctx.registrar.tryNow(verified.registration.id, 4_000));
});
